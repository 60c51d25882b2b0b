/**
 * Auto-configuration of error tracking: capture on both web stacks and from the logs,
 * log fields, the {@code errors} endpoint.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.errors;

import org.jspecify.annotations.NullMarked;
