package dev.vantage.observability.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.business.Kpi;
import dev.vantage.observability.business.KpiCounter;
import dev.vantage.observability.business.MeterBusinessMetrics;
import dev.vantage.observability.business.Money;
import dev.vantage.observability.business.OrderStatus;
import dev.vantage.observability.business.PaymentOutcome;
import dev.vantage.observability.security.AuthenticationFailureReason;
import dev.vantage.observability.security.MeterSecurityMetrics;
import dev.vantage.observability.security.SecurityMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
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
 * {@link BusinessMetrics} and {@link SecurityMetrics} calls with tags seen before against the same meter built and
 * looked up on every call. Run with {@code -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class BusinessMetricsBenchmark {

	private static final Duration PAYMENT = Duration.ofMillis(120);

	private PrometheusMeterRegistry registry;

	private BusinessMetrics business;

	private Money amount;

	private Timer heldPaymentTimer;

	private SecurityMetrics security;

	private KpiCounter<Plan> subscriptions;

	@Setup(Level.Trial)
	public void setUp() {
		GuardedRegistry guarded = GuardedRegistry.create(100, "business.");
		this.registry = guarded.registry();
		this.business = new MeterBusinessMetrics(this.registry, guarded.guard(), Map.of());
		this.amount = Money.of("19.99", "EUR");
		this.business.order("acme", OrderStatus.PAID, this.amount);
		this.business.payment("stripe", PaymentOutcome.SUCCESS, PAYMENT);
		this.heldPaymentTimer = this.registry.get("business.payments").tag("outcome", "success").timer();
		this.security = new MeterSecurityMetrics(this.registry);
		this.subscriptions = this.business.counter(Kpi.of("business.subscriptions", "plan", Plan.class));
		this.subscriptions.increment("acme", Plan.TEAM, 1);
	}

	/** The floor: the same histogram timer held in a field. */
	@Benchmark
	public void heldPaymentTimer() {
		this.heldPaymentTimer.record(PAYMENT);
	}

	@Benchmark
	public void vantageOrderCounter() {
		this.business.order("acme", OrderStatus.PAID, this.amount);
	}

	/** A declared KPI counter, a tenant and tag value seen before. */
	@Benchmark
	public void vantageKpiCounter() {
		this.subscriptions.increment("acme", Plan.TEAM, 1);
	}

	@Benchmark
	public void vantageSecurityFailure() {
		this.security.authenticationFailed(AuthenticationFailureReason.BAD_CREDENTIALS);
	}

	@Benchmark
	public void builderPerCallOrderCounter() {
		Counter.builder("business.orders")
			.tags("tenant", "acme", "status", "paid")
			.register(this.registry)
			.increment();
	}

	@Benchmark
	public void vantagePaymentTimer() {
		this.business.payment("stripe", PaymentOutcome.SUCCESS, PAYMENT);
	}

	@Benchmark
	public void builderPerCallPaymentTimer() {
		Timer.builder("business.payments")
			.tags("provider", "stripe", "outcome", "success")
			.register(this.registry)
			.record(PAYMENT);
	}

	/** The tag values of the KPI. */
	public enum Plan {

		/** Free plan. */
		FREE,

		/** Team plan. */
		TEAM

	}

}
