package dev.vantage.observability.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.vantage.observability.cardinality.BoundedTagCache;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.http.TenantRequestMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A tagged meter on the hot path: Vantage's cached meters against Micrometer's own cached
 * counter (the floor) and against a builder and registry lookup per call (the common
 * pattern), for a tag value seen before and for a new value past the cardinality cap.
 * Run with {@code -prof gc} for allocation per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TaggedMeterBenchmark {

	private static final int TENANTS = 50;

	private static final int CAP = 100;

	private static final String METER = "business.signups";

	private final String[] known = new String[TENANTS];

	// Distinct values past the cap, made up front so that the benchmark allocates none of them.
	private final String[] overCap = new String[1 << 16];

	private int next;

	private PrometheusMeterRegistry registry;

	private PrometheusMeterRegistry denyRegistry;

	private Counter heldCounter;

	private BoundedTagCache<Counter> counters;

	private TenantRequestMetrics tenantTimers;

	@Setup(Level.Trial)
	public void setUp() {
		for (int i = 0; i < TENANTS; i++) {
			this.known[i] = "tenant-" + i;
		}
		for (int i = 0; i < this.overCap.length; i++) {
			this.overCap[i] = "late-tenant-" + i;
		}
		GuardedRegistry guarded = GuardedRegistry.create(CAP, "business.", "http.server.tenant");
		CardinalityGuard guard = guarded.guard();
		this.registry = guarded.registry();
		this.heldCounter = this.registry.counter(METER, "tenant", "held");
		this.counters = new BoundedTagCache<>(CAP, guard.overflowRecorder(METER, "tenant"),
				(tenant) -> Counter.builder(METER).tag("tenant", tenant).register(this.registry));
		this.tenantTimers = new TenantRequestMetrics(this.registry, guard);
		for (int i = 0; i < CAP; i++) {
			String tenant = (i < TENANTS) ? this.known[i] : "filler-" + i;
			this.counters.get(tenant);
			this.tenantTimers.record(tenant, 200, false, 1000);
		}
		this.denyRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.denyRegistry.config().meterFilter(MeterFilter.maximumAllowableTags(METER, "tenant", CAP, MeterFilter.deny()));
		for (int i = 0; i < CAP; i++) {
			this.denyRegistry.counter(METER, "tenant", "filler-" + i);
		}
	}

	private String knownTenant() {
		int i = this.next++;
		if (this.next == TENANTS) {
			this.next = 0;
		}
		return this.known[i];
	}

	private String newTenantOverCap() {
		int i = this.next++ & (this.overCap.length - 1);
		return this.overCap[i];
	}

	/** The floor: a counter held in a field. */
	@Benchmark
	public void micrometerHeldCounter() {
		this.heldCounter.increment();
	}

	/** The common pattern: builder, tags and registry lookup on every call. */
	@Benchmark
	public void micrometerBuilderPerCall() {
		Counter.builder(METER).tag("tenant", knownTenant()).register(this.registry).increment();
	}

	/** Vantage: counter of a tag value seen before. */
	@Benchmark
	public void vantageCachedCounter() {
		this.counters.get(knownTenant()).increment();
	}

	/** Vantage: per-tenant request timer of a tenant seen before. */
	@Benchmark
	public void vantageTenantTimer() {
		this.tenantTimers.record(knownTenant(), 200, false, 1_250_000);
	}

	/** Micrometer's deny filter refusing a new value past the cap. */
	@Benchmark
	public void micrometerDenyFilterOverCap() {
		Counter.builder(METER).tag("tenant", newTenantOverCap()).register(this.denyRegistry).increment();
	}

	/** Vantage: a new value past the cap goes to 'other' and is counted. */
	@Benchmark
	public void vantageGuardOverCap() {
		this.counters.get(newTenantOverCap()).increment();
	}

}
