package dev.vantage.observability.business;

import dev.vantage.observability.support.Arguments;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Business metrics that check their arguments like {@link MeterBusinessMetrics} and record
 * nothing.
 */
final class NoopBusinessMetrics implements BusinessMetrics {

	private final DeclaredFunnels<Boolean> funnels;

	NoopBusinessMetrics(Map<String, List<String>> funnels) {
		this.funnels = new DeclaredFunnels<>(funnels, (funnel, step) -> Boolean.TRUE);
	}

	@Override
	public void order(String tenant, OrderStatus status, Money amount) {
		Arguments.requireNonNull(status, "status");
		Arguments.requireNonNull(amount, "amount");
	}

	@Override
	public void revenue(String tenant, Money amount) {
		Arguments.requireNonNull(amount, "amount");
	}

	@Override
	public void refund(String tenant, Money amount) {
		Arguments.requireNonNull(amount, "amount");
	}

	@Override
	public void payment(String provider, PaymentOutcome outcome, Duration duration) {
		Arguments.requireNonNull(outcome, "outcome");
		Arguments.requireNotNegative(duration, "duration");
	}

	@Override
	public PaymentTimer startPayment(String provider) {
		long start = System.nanoTime();
		return (outcome) -> {
			Arguments.requireNonNull(outcome, "outcome");
			return Duration.ofNanos(System.nanoTime() - start);
		};
	}

	@Override
	public void signup(String tenant) {
	}

	@Override
	public void funnelStep(String funnel, String step) {
		this.funnels.get(funnel, step);
	}

	@Override
	public void lowStock(String tenant, long products) {
		Arguments.requireNotNegative(products, "products");
	}

	@Override
	public void activeTenants(long tenants) {
		Arguments.requireNotNegative(tenants, "tenants");
	}

	@Override
	public <E extends Enum<E>> KpiCounter<E> counter(Kpi<E> kpi) {
		return new NoopKpi<>(Arguments.requireNonNull(kpi, "kpi"));
	}

	@Override
	public <E extends Enum<E>> KpiGauge<E> gauge(Kpi<E> kpi) {
		return new NoopKpi<>(Arguments.requireNonNull(kpi, "kpi"));
	}

	/** A declared KPI that checks its arguments and records nothing. */
	private record NoopKpi<E extends Enum<E>>(Kpi<E> kpi) implements KpiCounter<E>, KpiGauge<E> {

		@Override
		public void increment(String tenant, E value, double amount) {
			Arguments.requireNonNull(value, "value");
			Arguments.requireAmount(amount, "amount");
		}

		@Override
		public void set(String tenant, E value, double level) {
			Arguments.requireNonNull(value, "value");
			Arguments.requireAmount(level, "level");
		}

	}

}
