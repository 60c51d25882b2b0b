package dev.vantage.observability.benchmarks;

import java.util.List;

import dev.vantage.observability.cardinality.CardinalityGuard;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A Prometheus registry with the cardinality guard installed the way the auto-configuration
 * installs it: last filter, and bound for its overflow counters.
 *
 * @param registry the registry
 * @param guard the guard
 */
record GuardedRegistry(PrometheusMeterRegistry registry, CardinalityGuard guard) {

	static GuardedRegistry create(int maxTagValues, String... guardedPrefixes) {
		CardinalityGuard guard = new CardinalityGuard(maxTagValues, 2000, List.of(guardedPrefixes));
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		registry.config().meterFilter(guard);
		guard.bindTo(registry);
		return new GuardedRegistry(registry, guard);
	}

}
