/**
 * Auto-configuration of the audit log.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.audit;

import org.jspecify.annotations.NullMarked;
