/**
 * Bounds on the distinct tag values and series of every guarded meter.
 */
@NullMarked
package dev.vantage.observability.cardinality;

import org.jspecify.annotations.NullMarked;
