/**
 * What every concern of Vantage's auto-configuration shares: the switches and their
 * condition, the per-concern defaults base, the order of Vantage's filters, guarded
 * observation handlers, the executor and property checks. Nothing here imports a concern.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.support;

import org.jspecify.annotations.NullMarked;
