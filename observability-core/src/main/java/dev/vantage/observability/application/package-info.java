/**
 * Meters that describe the application itself.
 */
@NullMarked
package dev.vantage.observability.application;

import org.jspecify.annotations.NullMarked;
