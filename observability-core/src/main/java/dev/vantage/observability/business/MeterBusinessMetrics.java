package dev.vantage.observability.business;

import dev.vantage.observability.support.Arguments;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.vantage.observability.cardinality.BoundedTagCache;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.cardinality.EnumMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The {@link BusinessMetrics} that records into a meter registry. Meters are cached: a
 * call with values seen before looks up no registry and allocates nothing.
 */
public final class MeterBusinessMetrics implements BusinessMetrics {

	private static final Duration[] PAYMENT_BUCKETS = { Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
			Duration.ofSeconds(5), Duration.ofSeconds(10) };

	private final BoundedTagCache<EnumMeters<OrderStatus, Counter>> orders;

	private final BoundedTagCache<ByCurrency<DistributionSummary>> orderValue;

	private final BoundedTagCache<ByCurrency<Counter>> revenue;

	private final BoundedTagCache<ByCurrency<Counter>> refunded;

	private final BoundedTagCache<EnumMeters<PaymentOutcome, Timer>> payments;

	private final BoundedTagCache<Counter> signups;

	private final BoundedTagCache<AtomicLong> lowStock;

	private final AtomicLong activeTenants = new AtomicLong();

	private final DeclaredFunnels<Counter> funnelSteps;

	private final MeterRegistry registry;

	private final CardinalityGuard guard;

	/**
	 * Registers the business meters.
	 * @param registry the registry
	 * @param guard the guard whose limits and overflow counters the free-text tags use
	 * @param funnels the declared funnels and their steps, in order
	 */
	public MeterBusinessMetrics(MeterRegistry registry, CardinalityGuard guard, Map<String, List<String>> funnels) {
		this.registry = registry;
		this.guard = guard;
		int max = guard.maxTagValues();
		this.orders = new BoundedTagCache<>(max, guard.overflowRecorder("business.orders", "tenant"), registry,
				(tenant) -> new EnumMeters<>(OrderStatus.class, (status) -> Counter.builder("business.orders")
					.description("Orders that reached a status")
					.tags("tenant", tenant, "status", status.tagValue)
					.register(registry)));
		this.orderValue = byTenantAndCurrency(registry, guard, "business.order.value",
				(tenant, currency) -> DistributionSummary.builder("business.order.value")
					.description("Amount of placed orders, in major units of the currency")
					.tags("tenant", tenant, "currency", currency)
					.register(registry));
		this.revenue = byTenantAndCurrency(registry, guard, "business.revenue", (tenant, currency) -> Counter
			.builder("business.revenue")
			.description("Revenue, in major units of the currency")
			.tags("tenant", tenant, "currency", currency)
			.register(registry));
		this.refunded = byTenantAndCurrency(registry, guard, "business.refunded", (tenant, currency) -> Counter
			.builder("business.refunded")
			.description("Refunded amount, in major units of the currency")
			.tags("tenant", tenant, "currency", currency)
			.register(registry));
		this.payments = new BoundedTagCache<>(max, guard.overflowRecorder("business.payments", "provider"),
				(provider) -> new EnumMeters<>(PaymentOutcome.class, (outcome) -> Timer.builder("business.payments")
					.description("Payment calls to a provider, by outcome")
					.tags("provider", provider, "outcome", outcome.tagValue)
					.serviceLevelObjectives(PAYMENT_BUCKETS)
					.register(registry)));
		this.signups = new BoundedTagCache<>(max, guard.overflowRecorder("business.signups", "tenant"), registry,
				(tenant) -> Counter.builder("business.signups")
					.description("Customer signups")
					.tag("tenant", tenant)
					.register(registry));
		this.lowStock = new BoundedTagCache<>(max, guard.overflowRecorder("business.inventory.low.stock", "tenant"),
				registry, (tenant) -> {
					AtomicLong count = new AtomicLong();
					Gauge.builder("business.inventory.low.stock", count, AtomicLong::get)
						.description("Products below their low-stock threshold")
						.tag("tenant", tenant)
						.strongReference(true)
						.register(registry);
					return count;
				});
		Gauge.builder("business.tenants.active", this.activeTenants, AtomicLong::get)
			.description("Tenants (shops, accounts) active now")
			.register(registry);
		this.funnelSteps = new DeclaredFunnels<>(funnels, (funnel, step) -> Counter.builder("business.funnel.steps")
			.description("Users reaching a step of a declared funnel")
			.tags("funnel", funnel, "step", step)
			.register(registry));
	}

	private static <M> BoundedTagCache<ByCurrency<M>> byTenantAndCurrency(MeterRegistry registry,
			CardinalityGuard guard, String meter, BiFunction<String, String, M> factory) {
		return new BoundedTagCache<>(guard.maxTagValues(), guard.overflowRecorder(meter, "tenant"), registry,
				(tenant) -> new ByCurrency<>((currency) -> factory.apply(tenant, currency.getCurrencyCode())));
	}

	@Override
	public void order(String tenant, OrderStatus status, Money amount) {
		Arguments.requireNonNull(status, "status");
		Arguments.requireNonNull(amount, "amount");
		this.orders.get(tenant).get(status).increment();
		if (status == OrderStatus.PLACED) {
			this.orderValue.get(tenant).get(amount.currency()).record(amount.toDouble());
		}
	}

	@Override
	public void revenue(String tenant, Money amount) {
		Arguments.requireNonNull(amount, "amount");
		this.revenue.get(tenant).get(amount.currency()).increment(amount.toDouble());
	}

	@Override
	public void refund(String tenant, Money amount) {
		Arguments.requireNonNull(amount, "amount");
		this.refunded.get(tenant).get(amount.currency()).increment(amount.toDouble());
	}

	@Override
	public void payment(String provider, PaymentOutcome outcome, Duration duration) {
		Arguments.requireNonNull(outcome, "outcome");
		Arguments.requireNotNegative(duration, "duration");
		this.payments.get(provider).get(outcome).record(duration.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public PaymentTimer startPayment(String provider) {
		return new TimedPayment(this.payments.get(provider), System.nanoTime());
	}

	@Override
	public void signup(String tenant) {
		this.signups.get(tenant).increment();
	}

	@Override
	public void funnelStep(String funnel, String step) {
		this.funnelSteps.get(funnel, step).increment();
	}

	@Override
	public void lowStock(String tenant, long products) {
		this.lowStock.get(tenant).set(Arguments.requireNotNegative(products, "products"));
	}

	@Override
	public void activeTenants(long tenants) {
		this.activeTenants.set(Arguments.requireNotNegative(tenants, "tenants"));
	}

	@Override
	public <E extends Enum<E>> KpiCounter<E> counter(Kpi<E> kpi) {
		return MeterKpis.counter(Arguments.requireNonNull(kpi, "kpi"), this.registry, this.guard);
	}

	@Override
	public <E extends Enum<E>> KpiGauge<E> gauge(Kpi<E> kpi) {
		return MeterKpis.gauge(Arguments.requireNonNull(kpi, "kpi"), this.registry, this.guard);
	}

	/** A payment call being timed; {@link #stop(PaymentOutcome)} records it. */
	private static final class TimedPayment implements PaymentTimer {

		private final EnumMeters<PaymentOutcome, Timer> timers;

		private final long start;

		TimedPayment(EnumMeters<PaymentOutcome, Timer> timers, long start) {
			this.timers = timers;
			this.start = start;
		}

		@Override
		public Duration stop(PaymentOutcome outcome) {
			Arguments.requireNonNull(outcome, "outcome");
			long nanos = System.nanoTime() - this.start;
			this.timers.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
			return Duration.ofNanos(nanos);
		}

	}

	/** The meters of one tenant, one per currency; currencies are a finite ISO set. */
	private static final class ByCurrency<M> {

		private final Map<Currency, M> meters = new ConcurrentHashMap<>();

		private final Function<Currency, M> factory;

		ByCurrency(Function<Currency, M> factory) {
			this.factory = factory;
		}

		M get(Currency currency) {
			M meter = this.meters.get(currency);
			return (meter != null) ? meter : this.meters.computeIfAbsent(currency, this.factory);
		}

	}

}
