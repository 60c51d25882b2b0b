package dev.vantage.observability.business;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vantage.observability.tenant.TenantContext;

/**
 * Records business events: orders, order value, revenue, refunds, payments, signups,
 * funnel steps, low stock and active tenants. Methods without a tenant use the current one
 * ({@link TenantContext}). Invalid arguments throw {@link IllegalArgumentException} naming
 * the parameter, and nothing is recorded. {@link MeterBusinessMetrics} records into a
 * meter registry; {@link #noop(Map)} records nothing but checks arguments the same way.
 */
public interface BusinessMetrics {

	/**
	 * Returns business metrics that check their arguments and record nothing, for when
	 * business meters are switched off.
	 * @param funnels the declared funnels and their steps, so that undeclared ones are still refused
	 * @return the no-op business metrics
	 */
	static BusinessMetrics noop(Map<String, List<String>> funnels) {
		return new NoopBusinessMetrics(funnels);
	}

	/**
	 * Records that an order of the current tenant reached a status. A {@code PLACED} order's
	 * amount also goes to {@code business_order_value}.
	 * @param status the status reached
	 * @param amount the order amount
	 */
	default void order(OrderStatus status, Money amount) {
		order(TenantContext.current(), status, amount);
	}

	/**
	 * Records that an order of a tenant reached a status.
	 * @param tenant the tenant
	 * @param status the status reached
	 * @param amount the order amount
	 */
	void order(String tenant, OrderStatus status, Money amount);

	/**
	 * Records revenue of the current tenant.
	 * @param amount the amount earned
	 */
	default void revenue(Money amount) {
		revenue(TenantContext.current(), amount);
	}

	/**
	 * Records revenue of a tenant.
	 * @param tenant the tenant
	 * @param amount the amount earned
	 */
	void revenue(String tenant, Money amount);

	/**
	 * Records a refund of the current tenant.
	 * @param amount the amount refunded
	 */
	default void refund(Money amount) {
		refund(TenantContext.current(), amount);
	}

	/**
	 * Records a refund of a tenant.
	 * @param tenant the tenant
	 * @param amount the amount refunded
	 */
	void refund(String tenant, Money amount);

	/**
	 * Records a finished payment call.
	 * @param provider the payment provider, free text
	 * @param outcome how it ended
	 * @param duration how long it took, not negative
	 */
	void payment(String provider, PaymentOutcome outcome, Duration duration);

	/**
	 * Starts timing a payment call; stop the returned handle with the outcome.
	 * @param provider the payment provider, free text
	 * @return the running timer
	 */
	PaymentTimer startPayment(String provider);

	/** Records a signup of the current tenant. */
	default void signup() {
		signup(TenantContext.current());
	}

	/**
	 * Records a signup of a tenant.
	 * @param tenant the tenant
	 */
	void signup(String tenant);

	/**
	 * Records that a user reached a step of a declared funnel.
	 * @param funnel the funnel, declared in configuration
	 * @param step the step, declared for that funnel
	 */
	void funnelStep(String funnel, String step);

	/**
	 * Sets how many products of a tenant are below their low-stock threshold.
	 * @param tenant the tenant
	 * @param products the number of products, not negative
	 */
	void lowStock(String tenant, long products);

	/**
	 * Sets how many tenants are active.
	 * @param tenants the number of tenants, not negative
	 */
	void activeTenants(long tenants);

	/**
	 * Declares a counter of the application's own, for KPIs the shop vocabulary lacks
	 * (subscriptions, seats sold, listings published). Declare it once and keep it.
	 * @param <E> the enum of the KPI's tag values
	 * @param kpi the declaration
	 * @return the counter
	 */
	<E extends Enum<E>> KpiCounter<E> counter(Kpi<E> kpi);

	/**
	 * Declares a gauge of the application's own, for a level per tenant and tag value (seats
	 * in use, active listings). Declare it once and keep it.
	 * @param <E> the enum of the KPI's tag values
	 * @param kpi the declaration
	 * @return the gauge
	 */
	<E extends Enum<E>> KpiGauge<E> gauge(Kpi<E> kpi);

	/** A timed payment call; {@link #stop(PaymentOutcome)} records it once. */
	@FunctionalInterface
	interface PaymentTimer {

		/**
		 * Records the call with its outcome.
		 * @param outcome how it ended
		 * @return the measured duration
		 */
		Duration stop(PaymentOutcome outcome);

	}

}
