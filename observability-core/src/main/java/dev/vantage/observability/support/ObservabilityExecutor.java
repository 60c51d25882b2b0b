package dev.vantage.observability.support;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one executor of Vantage's background work: dependency probes, the health refresh and
 * the cache rescan. Its daemon threads are named {@code <prefix>-N}, start on demand and end
 * when idle; their number is bounded by what the users {@link #reserve(int) reserve}, one
 * for each task that may block at the same time (a hanging dependency holds one thread).
 * It is no {@link java.util.concurrent.Executor} on purpose: a bean of that type makes Boot
 * back off from the application's own task executor.
 */
public final class ObservabilityExecutor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ObservabilityExecutor.class);

	private final ScheduledThreadPoolExecutor pool;

	/**
	 * Creates the executor with one thread reserved.
	 * @param threadNamePrefix the prefix of its threads' names
	 */
	public ObservabilityExecutor(String threadNamePrefix) {
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, threadNamePrefix + "-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.pool.setKeepAliveTime(30, TimeUnit.SECONDS);
		this.pool.allowCoreThreadTimeOut(true);
		this.pool.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Raises the thread bound for tasks that may block at the same time.
	 * @param threads how many more threads may run at once
	 */
	public synchronized void reserve(int threads) {
		if (threads < 0) {
			throw new IllegalArgumentException("'threads' must not be negative, was " + threads);
		}
		this.pool.setCorePoolSize(this.pool.getCorePoolSize() + threads);
	}

	/**
	 * Returns the most threads that run at once.
	 * @return the bound
	 */
	public int maxThreads() {
		return this.pool.getCorePoolSize();
	}

	/**
	 * Runs a task on one of the executor's threads.
	 * @param task the task
	 */
	public void execute(Runnable task) {
		this.pool.execute(task);
	}

	/**
	 * Runs a task now and then again each interval after it ended; a failure is logged
	 * and the next run still happens.
	 * @param name what the task does, for the log
	 * @param task the task
	 * @param interval the delay between runs, positive
	 * @return the handle that cancels it
	 */
	public ScheduledFuture<?> scheduleWithFixedDelay(String name, Runnable task, Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("'interval' must be positive, was " + interval);
		}
		return this.pool.scheduleWithFixedDelay(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("{} failed: {}", name, ex.toString());
			}
		}, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

}
