/**
 * Auto-configuration of dependency health: checks, the health contributor, readiness and
 * the background refresh.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
