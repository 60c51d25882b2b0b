/**
 * Error tracking: every exception that ends a request, is logged at ERROR or is reported by a
 * browser, grouped by a stable fingerprint, counted in {@code errors} and kept, bounded, for
 * the {@code errors} endpoint.
 */
@NullMarked
package dev.vantage.observability.errors;

import org.jspecify.annotations.NullMarked;
