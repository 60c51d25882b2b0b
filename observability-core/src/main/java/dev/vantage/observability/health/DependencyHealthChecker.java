package dev.vantage.observability.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import dev.vantage.observability.cardinality.TagValues;
import dev.vantage.observability.support.ObservabilityExecutor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Runs dependency checks so that callers never hang: every caller starts all stale checks
 * at once and waits for its own at most until that check's deadline, so N hanging
 * dependencies cost one timeout, not N. A dependency is never probed twice at the same
 * time, so a hanging one holds one thread, however often health is asked. Results are
 * cached for the TTL (at least the timeout, so one health request never probes a
 * dependency twice). Every check updates {@value #UP_METER}{dependency} and
 * {@value #CHECK_METER}{dependency, outcome=up|down|timeout}.
 */
public final class DependencyHealthChecker {

	/** 1 when the dependency was UP at its last check, 0 otherwise. */
	public static final String UP_METER = "dependency.up";

	/** Duration of dependency checks by outcome. */
	public static final String CHECK_METER = "dependency.check";

	private static final Duration[] BUCKETS = { Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
			Duration.ofSeconds(5) };

	private static final Pattern SECRET = Pattern.compile("(?i)(password|passwd|pwd|secret|token)=[^&;,\\s]*");

	private static final int MAX_ERROR_LENGTH = 256;

	private final Map<String, Tracked> tracked = new LinkedHashMap<>();

	private final long timeoutNanos;

	private final long ttlNanos;

	private final Clock clock;

	private final ObservabilityExecutor executor;

	/**
	 * Creates the checker.
	 * @param checks the dependencies, with distinct names
	 * @param timeout how long a caller waits for a check
	 * @param cacheTtl how long a result is reused
	 * @param registry where the dependency meters go
	 * @param clock the clock of {@code checkedAt}
	 * @param executor where probes run; one thread per check is reserved on it
	 */
	public DependencyHealthChecker(List<DependencyCheck> checks, Duration timeout, Duration cacheTtl,
			MeterRegistry registry, Clock clock, ObservabilityExecutor executor) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("'timeout' must be positive, was " + timeout);
		}
		if (cacheTtl.isNegative()) {
			throw new IllegalArgumentException("'cacheTtl' must not be negative, was " + cacheTtl);
		}
		this.timeoutNanos = timeout.toNanos();
		// Never below the timeout: Boot asks for each dependency in turn within one health
		// request, and every ask starts the stale checks, so a shorter reuse would probe again.
		this.ttlNanos = Math.max(cacheTtl.toNanos(), this.timeoutNanos);
		this.clock = clock;
		for (DependencyCheck check : checks) {
			if (this.tracked.put(check.name(), new Tracked(check, registry)) != null) {
				throw new IllegalArgumentException("'checks' must have distinct names, '" + check.name() + "' repeats");
			}
		}
		// A hanging dependency holds one thread (it is never probed twice at once), so one
		// thread per check keeps every other check running.
		executor.reserve(checks.size());
		this.executor = executor;
	}

	/**
	 * Returns the checks, in the order given.
	 * @return the checks
	 */
	public List<DependencyCheck> checks() {
		return this.tracked.values().stream().map((tracked) -> tracked.check).toList();
	}

	/**
	 * Returns the status of one dependency, starting every stale check first.
	 * @param name the dependency
	 * @return its status
	 */
	public DependencyStatus status(String name) {
		Tracked target = this.tracked.get(name);
		if (target == null) {
			throw new IllegalArgumentException("'name' must be a known dependency " + this.tracked.keySet()
					+ ", was '" + name + "'");
		}
		startStale();
		return target.await(target.attempt);
	}

	/**
	 * Returns the status of every dependency, checked in parallel.
	 * @return the statuses by name
	 */
	public Map<String, DependencyStatus> statuses() {
		startStale();
		Map<String, DependencyStatus> statuses = new LinkedHashMap<>();
		this.tracked.forEach((name, tracked) -> statuses.put(name, tracked.await(tracked.attempt)));
		return statuses;
	}

	private void startStale() {
		long now = System.nanoTime();
		this.tracked.values().forEach((tracked) -> tracked.currentOrStart(now));
	}

	static String describe(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof ExecutionException || cause.getMessage() == null) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		String safe = SECRET.matcher(message).replaceAll("$1=****").replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
		return (safe.length() > MAX_ERROR_LENGTH) ? safe.substring(0, MAX_ERROR_LENGTH) + "..." : safe;
	}

	/** One dependency: its check, meters and latest attempt. */
	private final class Tracked {

		private final DependencyCheck check;

		private final AtomicInteger up = new AtomicInteger();

		private final Timer upTimer;

		private final Timer downTimer;

		private final Timer timeoutTimer;

		private volatile @Nullable Attempt attempt;

		Tracked(DependencyCheck check, MeterRegistry registry) {
			this.check = check;
			String dependency = TagValues.sanitize(check.name());
			Gauge.builder(UP_METER, this.up, AtomicInteger::get)
				.description("1 when the dependency was UP at its last check, 0 otherwise")
				.tag("dependency", dependency)
				.strongReference(true)
				.register(registry);
			this.upTimer = timer(registry, dependency, "up");
			this.downTimer = timer(registry, dependency, "down");
			this.timeoutTimer = timer(registry, dependency, "timeout");
		}

		private static Timer timer(MeterRegistry registry, String dependency, String outcome) {
			return Timer.builder(CHECK_METER)
				.description("Duration of dependency checks by outcome")
				.tags("dependency", dependency, "outcome", outcome)
				.serviceLevelObjectives(BUCKETS)
				.register(registry);
		}

		synchronized Attempt currentOrStart(long now) {
			Attempt current = this.attempt;
			if (current != null && (!current.future.isDone() || now - current.started < DependencyHealthChecker.this.ttlNanos)) {
				return current;
			}
			Attempt started = new Attempt(now);
			this.attempt = started;
			try {
				DependencyHealthChecker.this.executor.execute(() -> started.run(this));
			}
			catch (RejectedExecutionException ex) {
				started.complete(this, false, 0, "health checker is shut down");
			}
			return started;
		}

		DependencyStatus await(@Nullable Attempt attempt) {
			Attempt current = (attempt != null) ? attempt : currentOrStart(System.nanoTime());
			long remaining = current.started + DependencyHealthChecker.this.timeoutNanos - System.nanoTime();
			try {
				return current.future.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				return current.timedOut(this);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return status(current, false, false, 0, "interrupted while waiting for the check");
			}
			catch (ExecutionException ex) {
				return status(current, false, false, 0, describe(ex));
			}
		}

		DependencyStatus status(Attempt attempt, boolean up, boolean timedOut, long latencyMs, @Nullable String error) {
			return new DependencyStatus(this.check.name(), up, timedOut, latencyMs, error, attempt.checkedAt,
					this.check.details());
		}

	}

	/** One probe of a dependency and the callers waiting for it. */
	private final class Attempt {

		private final long started;

		private final Instant checkedAt = DependencyHealthChecker.this.clock.instant();

		private final CompletableFuture<DependencyStatus> future = new CompletableFuture<>();

		private final AtomicBoolean recorded = new AtomicBoolean();

		private volatile @Nullable DependencyStatus timeoutStatus;

		Attempt(long started) {
			this.started = started;
		}

		void run(Tracked tracked) {
			try {
				tracked.check.probe();
				complete(tracked, true, System.nanoTime() - this.started, null);
			}
			catch (Exception ex) {
				complete(tracked, false, System.nanoTime() - this.started, describe(ex));
			}
		}

		void complete(Tracked tracked, boolean up, long nanos, @Nullable String error) {
			if (this.recorded.compareAndSet(false, true)) {
				(up ? tracked.upTimer : tracked.downTimer).record(nanos, TimeUnit.NANOSECONDS);
				tracked.up.set(up ? 1 : 0);
			}
			this.future.complete(tracked.status(this, up, false, TimeUnit.NANOSECONDS.toMillis(nanos), error));
		}

		/** The result for callers whose wait ran out; recorded once, whatever the probe does later. */
		DependencyStatus timedOut(Tracked tracked) {
			DependencyStatus status = this.timeoutStatus;
			if (status == null) {
				long timeout = DependencyHealthChecker.this.timeoutNanos;
				status = tracked.status(this, false, true, TimeUnit.NANOSECONDS.toMillis(timeout),
						"timed out after " + TimeUnit.NANOSECONDS.toMillis(timeout) + " ms");
				this.timeoutStatus = status;
				if (this.recorded.compareAndSet(false, true)) {
					tracked.timeoutTimer.record(timeout, TimeUnit.NANOSECONDS);
					tracked.up.set(0);
				}
			}
			return status;
		}

	}

}
