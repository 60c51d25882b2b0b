/**
 * Vantage's defaults for Boot's tracing and context propagation.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.tracing;

import org.jspecify.annotations.NullMarked;
