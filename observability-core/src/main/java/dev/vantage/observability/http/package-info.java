/**
 * Per-tenant HTTP server meters.
 */
@NullMarked
package dev.vantage.observability.http;

import org.jspecify.annotations.NullMarked;
