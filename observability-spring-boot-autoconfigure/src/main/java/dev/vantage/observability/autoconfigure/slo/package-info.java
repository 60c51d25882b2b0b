/**
 * Auto-configuration of service level objectives declared under {@code observability.slo}:
 * exact latency buckets, generated rules and the {@code slo} endpoint.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.slo;

import org.jspecify.annotations.NullMarked;
