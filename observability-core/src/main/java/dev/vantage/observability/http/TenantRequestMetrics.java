package dev.vantage.observability.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.vantage.observability.cardinality.BoundedTagCache;
import dev.vantage.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;

/**
 * Records {@value #METER}{tenant, outcome}: request rate, error ratio and mean latency per
 * tenant. It has no buckets and no {@code uri} tag on purpose, since tenants multiply
 * series (see the meter catalog).
 */
public final class TenantRequestMetrics {

	/** The meter name. */
	public static final String METER = "http.server.tenant.requests";

	private static final Outcome[] OUTCOMES = Outcome.values();

	private final BoundedTagCache<OutcomeTimers> byTenant;

	/**
	 * Creates the meters' cache.
	 * @param registry where the timers are registered
	 * @param guard the guard whose limit and overflow counter the tenant tag uses
	 */
	public TenantRequestMetrics(MeterRegistry registry, CardinalityGuard guard) {
		this.byTenant = new BoundedTagCache<>(guard.maxTagValues(), guard.overflowRecorder(METER, "tenant"),
				(tenant) -> new OutcomeTimers(registry, tenant));
	}

	/**
	 * Records one finished request.
	 * @param tenant the tenant, free text
	 * @param status the HTTP status sent
	 * @param failed whether the request ended with an exception
	 * @param durationNanos how long the request took
	 */
	public void record(String tenant, int status, boolean failed, long durationNanos) {
		Outcome outcome = failed ? Outcome.SERVER_ERROR : Outcome.forStatus(status);
		this.byTenant.get(tenant).get(outcome).record(durationNanos, TimeUnit.NANOSECONDS);
	}

	/** The timers of one tenant, one per outcome, registered when first used. */
	private static final class OutcomeTimers {

		private final MeterRegistry registry;

		private final String tenant;

		private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(OUTCOMES.length);

		OutcomeTimers(MeterRegistry registry, String tenant) {
			this.registry = registry;
			this.tenant = tenant;
		}

		Timer get(Outcome outcome) {
			Timer timer = this.timers.get(outcome.ordinal());
			if (timer == null) {
				timer = Timer.builder(METER)
					.description("HTTP server requests per tenant (no buckets: rate, errors and mean latency)")
					.tag("tenant", this.tenant)
					.tag("outcome", outcome.name())
					.register(this.registry);
				this.timers.set(outcome.ordinal(), timer);
			}
			return timer;
		}

	}

}
