/**
 * Dependency checks that never hang the caller: parallel, with a timeout, cached, and
 * published as meters.
 */
@NullMarked
package dev.vantage.observability.health;

import org.jspecify.annotations.NullMarked;
