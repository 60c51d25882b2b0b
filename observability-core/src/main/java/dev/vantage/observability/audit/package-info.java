/**
 * The audit log: who did what, when, from where and with which outcome, masked and
 * never silently dropped.
 */
@NullMarked
package dev.vantage.observability.audit;

import org.jspecify.annotations.NullMarked;
