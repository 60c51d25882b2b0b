package dev.vantage.observability.business;

import dev.vantage.observability.tenant.TenantContext;

/**
 * A counter declared with {@link BusinessMetrics#counter(Kpi)}. A call with a tenant seen
 * before allocates nothing; tenants are bounded by the cardinality guard.
 *
 * @param <E> the enum of the KPI's tag values
 */
public interface KpiCounter<E extends Enum<E>> {

	/**
	 * Adds one for the current tenant.
	 * @param value the tag value
	 */
	default void increment(E value) {
		increment(TenantContext.current(), value, 1);
	}

	/**
	 * Adds an amount for a tenant.
	 * @param tenant the tenant, free text
	 * @param value the tag value
	 * @param amount the amount, finite and not negative
	 */
	void increment(String tenant, E value, double amount);

}
