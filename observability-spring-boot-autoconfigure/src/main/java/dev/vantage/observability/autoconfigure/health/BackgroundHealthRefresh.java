package dev.vantage.observability.autoconfigure.health;

import java.time.Duration;

import dev.vantage.observability.autoconfigure.support.PeriodicTask;
import dev.vantage.observability.health.DependencyHealthChecker;
import dev.vantage.observability.support.ObservabilityExecutor;

/**
 * Checks every dependency at a fixed interval, so that {@code dependency_up} stays current
 * when nobody calls the health endpoint.
 */
final class BackgroundHealthRefresh extends PeriodicTask {

	private final DependencyHealthChecker checker;

	BackgroundHealthRefresh(DependencyHealthChecker checker, Duration interval, ObservabilityExecutor executor) {
		super("Refreshing dependency health", interval, executor);
		this.checker = checker;
		// The refresh waits for the probes it starts, so it needs a thread of its own.
		executor.reserve(1);
	}

	@Override
	protected void runOnce() {
		this.checker.statuses();
	}

}
