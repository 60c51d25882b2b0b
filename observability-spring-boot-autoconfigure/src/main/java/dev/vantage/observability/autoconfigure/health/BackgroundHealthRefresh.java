package dev.vantage.observability.autoconfigure.health;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.vantage.observability.health.DependencyHealthChecker;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Checks every dependency at a fixed interval, so that {@code dependency_up} stays current
 * when nobody calls the health endpoint.
 */
final class BackgroundHealthRefresh implements SmartLifecycle {

	private final DependencyHealthChecker checker;

	private final Duration interval;

	private volatile @Nullable ScheduledExecutorService scheduler;

	BackgroundHealthRefresh(DependencyHealthChecker checker, Duration interval) {
		this.checker = checker;
		this.interval = interval;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "observability-health-refresh");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		started.scheduleWithFixedDelay(this.checker::statuses, 0, millis, TimeUnit.MILLISECONDS);
		this.scheduler = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.scheduler;
		if (running != null) {
			running.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
