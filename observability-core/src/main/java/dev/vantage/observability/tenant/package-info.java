/**
 * The tenant of the current unit of work and how tag values are made safe.
 */
@NullMarked
package dev.vantage.observability.tenant;

import org.jspecify.annotations.NullMarked;
