package dev.vantage.observability.http;

import java.util.concurrent.TimeUnit;

import dev.vantage.observability.cardinality.BoundedTagCache;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.cardinality.EnumMeters;
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
	public static final String METER = HttpMeters.TENANT_REQUESTS;

	private final BoundedTagCache<EnumMeters<Outcome, Timer>> byTenant;

	/**
	 * Creates the meters' cache.
	 * @param registry where the timers are registered
	 * @param guard the guard whose limit and overflow counter the tenant tag uses
	 */
	public TenantRequestMetrics(MeterRegistry registry, CardinalityGuard guard) {
		this.byTenant = new BoundedTagCache<>(guard.maxTagValues(), guard.overflowRecorder(METER, "tenant"), registry,
				(tenant) -> new EnumMeters<>(Outcome.class, (outcome) -> Timer.builder(METER)
					.description("HTTP server requests per tenant (no buckets: rate, errors and mean latency)")
					.tag("tenant", tenant)
					.tag("outcome", outcome.name())
					.register(registry)));
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

	/**
	 * Records a request the client gave up on before it was answered, as Boot's server
	 * observation does: outcome {@code UNKNOWN}.
	 * @param tenant the tenant, free text
	 * @param durationNanos how long the request ran
	 */
	public void recordCancelled(String tenant, long durationNanos) {
		this.byTenant.get(tenant).get(Outcome.UNKNOWN).record(durationNanos, TimeUnit.NANOSECONDS);
	}

}
