package dev.vantage.observability.business;

import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
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
import dev.vantage.observability.tenant.TenantContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Records business events as meters: orders, order value, revenue, refunds, payments,
 * signups, funnel steps, low stock and active tenants. Methods without a tenant use the
 * current one ({@link TenantContext}). Meters are cached: a call with values seen before
 * looks up no registry and allocates nothing. Invalid arguments throw
 * {@link IllegalArgumentException} naming the parameter, and nothing is recorded.
 */
public final class BusinessMetrics {

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

	private final Map<String, Map<String, Counter>> funnelSteps = new LinkedHashMap<>();

	/**
	 * Registers the business meters.
	 * @param registry the registry
	 * @param guard the guard whose limits and overflow counters the free-text tags use
	 * @param funnels the declared funnels and their steps, in order
	 */
	public BusinessMetrics(MeterRegistry registry, CardinalityGuard guard, Map<String, List<String>> funnels) {
		int max = guard.maxTagValues();
		this.orders = new BoundedTagCache<>(max, guard.overflowRecorder("business.orders", "tenant"),
				(tenant) -> new EnumMeters<>(OrderStatus.class, (status) -> Counter.builder("business.orders")
					.description("Orders that reached a status")
					.tags("tenant", tenant, "status", status.tagValue)
					.register(registry)));
		this.orderValue = byTenantAndCurrency(guard, "business.order.value",
				(tenant, currency) -> DistributionSummary.builder("business.order.value")
					.description("Amount of placed orders, in major units of the currency")
					.tags("tenant", tenant, "currency", currency)
					.register(registry));
		this.revenue = byTenantAndCurrency(guard, "business.revenue", (tenant, currency) -> Counter
			.builder("business.revenue")
			.description("Revenue, in major units of the currency")
			.tags("tenant", tenant, "currency", currency)
			.register(registry));
		this.refunded = byTenantAndCurrency(guard, "business.refunded", (tenant, currency) -> Counter
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
		this.signups = new BoundedTagCache<>(max, guard.overflowRecorder("business.signups", "tenant"),
				(tenant) -> Counter.builder("business.signups")
					.description("Customer signups")
					.tag("tenant", tenant)
					.register(registry));
		this.lowStock = new BoundedTagCache<>(max, guard.overflowRecorder("business.inventory.low.stock", "tenant"),
				(tenant) -> {
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
		funnels.forEach((funnel, steps) -> {
			Map<String, Counter> counters = new LinkedHashMap<>();
			steps.forEach((step) -> counters.put(step, Counter.builder("business.funnel.steps")
				.description("Users reaching a step of a declared funnel")
				.tags("funnel", funnel, "step", step)
				.register(registry)));
			this.funnelSteps.put(funnel, Map.copyOf(counters));
		});
	}

	private static <M> BoundedTagCache<ByCurrency<M>> byTenantAndCurrency(CardinalityGuard guard, String meter,
			BiFunction<String, String, M> factory) {
		return new BoundedTagCache<>(guard.maxTagValues(), guard.overflowRecorder(meter, "tenant"),
				(tenant) -> new ByCurrency<>((currency) -> factory.apply(tenant, currency.getCurrencyCode())));
	}

	/**
	 * Records that an order of the current tenant reached a status. A {@code PLACED} order's
	 * amount also goes to {@code business_order_value}.
	 * @param status the status reached
	 * @param amount the order amount
	 */
	public void order(OrderStatus status, Money amount) {
		order(TenantContext.current(), status, amount);
	}

	/**
	 * Records that an order of a tenant reached a status.
	 * @param tenant the tenant
	 * @param status the status reached
	 * @param amount the order amount
	 */
	public void order(String tenant, OrderStatus status, Money amount) {
		requireNonNull(status, "status");
		requireNonNull(amount, "amount");
		this.orders.get(tenant).get(status).increment();
		if (status == OrderStatus.PLACED) {
			this.orderValue.get(tenant).get(amount.currency()).record(amount.toDouble());
		}
	}

	/**
	 * Records revenue of the current tenant.
	 * @param amount the amount earned
	 */
	public void revenue(Money amount) {
		revenue(TenantContext.current(), amount);
	}

	/**
	 * Records revenue of a tenant.
	 * @param tenant the tenant
	 * @param amount the amount earned
	 */
	public void revenue(String tenant, Money amount) {
		requireNonNull(amount, "amount");
		this.revenue.get(tenant).get(amount.currency()).increment(amount.toDouble());
	}

	/**
	 * Records a refund of the current tenant.
	 * @param amount the amount refunded
	 */
	public void refund(Money amount) {
		refund(TenantContext.current(), amount);
	}

	/**
	 * Records a refund of a tenant.
	 * @param tenant the tenant
	 * @param amount the amount refunded
	 */
	public void refund(String tenant, Money amount) {
		requireNonNull(amount, "amount");
		this.refunded.get(tenant).get(amount.currency()).increment(amount.toDouble());
	}

	/**
	 * Records a finished payment call.
	 * @param provider the payment provider, free text
	 * @param outcome how it ended
	 * @param duration how long it took, not negative
	 */
	public void payment(String provider, PaymentOutcome outcome, Duration duration) {
		requireNonNull(outcome, "outcome");
		requireNonNull(duration, "duration");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("'duration' must not be negative, was " + duration);
		}
		this.payments.get(provider).get(outcome).record(duration.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Starts timing a payment call; stop the returned handle with the outcome.
	 * @param provider the payment provider, free text
	 * @return the running timer
	 */
	public PaymentTimer startPayment(String provider) {
		return new PaymentTimer(this.payments.get(provider), System.nanoTime());
	}

	/** Records a signup of the current tenant. */
	public void signup() {
		signup(TenantContext.current());
	}

	/**
	 * Records a signup of a tenant.
	 * @param tenant the tenant
	 */
	public void signup(String tenant) {
		this.signups.get(tenant).increment();
	}

	/**
	 * Records that a user reached a step of a declared funnel.
	 * @param funnel the funnel, declared in configuration
	 * @param step the step, declared for that funnel
	 */
	public void funnelStep(String funnel, String step) {
		Map<String, Counter> steps = this.funnelSteps.get(funnel);
		if (steps == null) {
			throw new IllegalArgumentException("'funnel' must be a declared funnel " + this.funnelSteps.keySet()
					+ ", was '" + funnel + "'");
		}
		Counter counter = steps.get(step);
		if (counter == null) {
			throw new IllegalArgumentException(
					"'step' must be a step of funnel '" + funnel + "' " + steps.keySet() + ", was '" + step + "'");
		}
		counter.increment();
	}

	/**
	 * Sets how many products of a tenant are below their low-stock threshold.
	 * @param tenant the tenant
	 * @param products the number of products, not negative
	 */
	public void lowStock(String tenant, long products) {
		this.lowStock.get(tenant).set(requireNotNegative(products, "products"));
	}

	/**
	 * Sets how many tenants are active.
	 * @param tenants the number of tenants, not negative
	 */
	public void activeTenants(long tenants) {
		this.activeTenants.set(requireNotNegative(tenants, "tenants"));
	}

	private static void requireNonNull(@Nullable Object value, String name) {
		if (value == null) {
			throw new IllegalArgumentException("'" + name + "' must not be null");
		}
	}

	private static long requireNotNegative(long value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException("'" + name + "' must not be negative, was " + value);
		}
		return value;
	}

	/** A timed payment call; {@link #stop(PaymentOutcome)} records it once. */
	public static final class PaymentTimer {

		private final EnumMeters<PaymentOutcome, Timer> timers;

		private final long start;

		PaymentTimer(EnumMeters<PaymentOutcome, Timer> timers, long start) {
			this.timers = timers;
			this.start = start;
		}

		/**
		 * Records the call with its outcome.
		 * @param outcome how it ended
		 * @return the measured duration
		 */
		public Duration stop(PaymentOutcome outcome) {
			requireNonNull(outcome, "outcome");
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
