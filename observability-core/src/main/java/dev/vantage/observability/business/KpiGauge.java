package dev.vantage.observability.business;

import dev.vantage.observability.tenant.TenantContext;

/**
 * A gauge declared with {@link BusinessMetrics#gauge(Kpi)}: the last level set per tenant
 * and tag value. A call with a tenant seen before allocates nothing; tenants are bounded by
 * the cardinality guard.
 *
 * @param <E> the enum of the KPI's tag values
 */
public interface KpiGauge<E extends Enum<E>> {

	/**
	 * Sets the level of the current tenant.
	 * @param value the tag value
	 * @param level the level, finite and not negative
	 */
	default void set(E value, double level) {
		set(TenantContext.current(), value, level);
	}

	/**
	 * Sets the level of a tenant.
	 * @param tenant the tenant, free text
	 * @param value the tag value
	 * @param level the level, finite and not negative
	 */
	void set(String tenant, E value, double level);

}
