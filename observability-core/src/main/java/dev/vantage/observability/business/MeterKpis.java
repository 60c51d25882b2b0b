package dev.vantage.observability.business;

import dev.vantage.observability.support.Arguments;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.vantage.observability.cardinality.BoundedTagCache;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.cardinality.EnumMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registers the meters of declared KPIs: one per tenant and tag value, created on first
 * use and cached, tenants bounded by the guard.
 */
final class MeterKpis {

	private MeterKpis() {
	}

	static <E extends Enum<E>> KpiCounter<E> counter(Kpi<E> kpi, MeterRegistry registry, CardinalityGuard guard) {
		Map<E, String> names = kpi.tagValueNames();
		BoundedTagCache<EnumMeters<E, Counter>> byTenant = new BoundedTagCache<>(guard.maxTagValues(),
				guard.overflowRecorder(kpi.name(), "tenant"), registry,
				(tenant) -> new EnumMeters<>(kpi.tagValues(), (value) -> Counter.builder(kpi.name())
					.description(kpi.description())
					.baseUnit(kpi.baseUnit())
					.tags("tenant", tenant, kpi.tagKey(), names.get(value))
					.register(registry)));
		return (tenant, value, amount) -> byTenant.get(tenant)
			.get(Arguments.requireNonNull(value, "value"))
			.increment(Arguments.requireAmount(amount, "amount"));
	}

	static <E extends Enum<E>> KpiGauge<E> gauge(Kpi<E> kpi, MeterRegistry registry, CardinalityGuard guard) {
		Map<E, String> names = kpi.tagValueNames();
		BoundedTagCache<EnumMeters<E, AtomicLong>> byTenant = new BoundedTagCache<>(guard.maxTagValues(),
				guard.overflowRecorder(kpi.name(), "tenant"), registry,
				(tenant) -> new EnumMeters<>(kpi.tagValues(), (value) -> {
					// The level's bits, so that a double is set without allocating.
					AtomicLong level = new AtomicLong(Double.doubleToRawLongBits(0));
					Gauge.builder(kpi.name(), level, (bits) -> Double.longBitsToDouble(bits.get()))
						.description(kpi.description())
						.baseUnit(kpi.baseUnit())
						.tags("tenant", tenant, kpi.tagKey(), names.get(value))
						.strongReference(true)
						.register(registry);
					return level;
				}));
		return (tenant, value, level) -> byTenant.get(tenant)
			.get(Arguments.requireNonNull(value, "value"))
			.set(Double.doubleToRawLongBits(Arguments.requireAmount(level, "level")));
	}

}
