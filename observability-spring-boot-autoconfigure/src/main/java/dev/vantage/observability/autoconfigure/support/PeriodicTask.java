package dev.vantage.observability.autoconfigure.support;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import dev.vantage.observability.support.ObservabilityExecutor;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Background work that runs at a fixed delay on the {@link ObservabilityExecutor} while
 * the context runs. Internal to the starter.
 */
public abstract class PeriodicTask implements SmartLifecycle {

	private final String name;

	private final Duration interval;

	private final ObservabilityExecutor executor;

	private volatile @Nullable ScheduledFuture<?> running;

	/**
	 * Creates the task.
	 * @param name what it does, for the log
	 * @param interval the delay between runs
	 * @param executor what runs it
	 */
	protected PeriodicTask(String name, Duration interval, ObservabilityExecutor executor) {
		this.name = name;
		this.interval = interval;
		this.executor = executor;
	}

	/** Does the work once. */
	protected abstract void runOnce();

	@Override
	public void start() {
		this.running = this.executor.scheduleWithFixedDelay(this.name, this::runOnce, this.interval);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> task = this.running;
		if (task != null) {
			task.cancel(false);
			this.running = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

}
