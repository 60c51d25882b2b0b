package dev.vantage.observability.slo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.vantage.observability.http.HttpMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import org.jspecify.annotations.Nullable;

/**
 * How an objective stands in this process since it started, computed from the meters it
 * registered: the events that counted, the good ones, the SLI and the error budget left. It is
 * process-local by nature; Prometheus, summing every instance over the objective's window,
 * remains the source of truth.
 *
 * @param objective the objective
 * @param total the events that counted
 * @param good the good events among them
 * @param sli the share of good events, or {@code null} before the first event (or when a latency
 * threshold is not a bucket of the timer)
 * @param errorBudgetRemaining the share of the error budget not yet spent, negative once
 * overspent, or {@code null} when the SLI is
 */
public record SloStatus(ServiceLevelObjective objective, long total, long good, @Nullable Double sli,
		@Nullable Double errorBudgetRemaining) {

	private static final String PAYMENTS = "business.payments";

	/**
	 * Computes the status of an objective from a registry.
	 * @param objective the objective
	 * @param registry the registry Boot's HTTP observation and Vantage's business meters record into
	 * @return its status since the process started
	 */
	public static SloStatus of(ServiceLevelObjective objective, MeterRegistry registry) {
		long total = 0;
		long good = 0;
		boolean exact = true;
		if (objective.kind() == SloKind.PAYMENTS) {
			for (Timer timer : registry.find(PAYMENTS).timers()) {
				total += timer.count();
				good += "success".equals(timer.getId().getTag("outcome")) ? timer.count() : 0;
			}
		}
		else {
			RequestFilter filter = new RequestFilter(objective);
			for (Timer timer : registry.find(HttpMeters.SERVER_REQUESTS).timers()) {
				String uri = timer.getId().getTag("uri");
				String method = timer.getId().getTag("method");
				if (uri == null || method == null || !filter.counts(uri, method)) {
					continue;
				}
				long count = timer.count();
				total += count;
				if (objective.kind() == SloKind.AVAILABILITY) {
					good += "SERVER_ERROR".equals(timer.getId().getTag("outcome")) ? 0 : count;
				}
				else {
					Long fast = countWithin(timer, objective.threshold());
					exact &= fast != null;
					good += (fast != null) ? fast : 0;
				}
			}
		}
		if (total == 0 || !exact) {
			return new SloStatus(objective, total, good, null, null);
		}
		double sli = (double) good / total;
		return new SloStatus(objective, total, good, sli, 1 - (1 - sli) / objective.errorBudget());
	}

	private static @Nullable Long countWithin(Timer timer, @Nullable Duration threshold) {
		if (threshold == null) {
			return null;
		}
		for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
			if (Math.abs(bucket.bucket(TimeUnit.NANOSECONDS) - threshold.toNanos()) < 1) {
				return (long) bucket.count();
			}
		}
		return null;
	}

}
