package dev.vantage.observability.business;

import java.util.List;
import java.util.Map;

import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.tenant.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KpiTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final CardinalityGuard guard = new CardinalityGuard(3, 2000, List.of("business."));

	private final BusinessMetrics metrics = new MeterBusinessMetrics(this.registry, this.guard, Map.of());

	private final Kpi<Plan> subscriptions = Kpi.of("business.subscriptions", "plan", Plan.class)
		.description("Subscriptions started")
		.baseUnit("subscriptions");

	@AfterEach
	void clearTenant() {
		TenantContext.clear();
	}

	@Test
	void counterKpiRecordsByTenantAndEnumTagWithItsUnit() {
		KpiCounter<Plan> counter = this.metrics.counter(this.subscriptions);
		counter.increment("acme", Plan.PRO, 2);
		try (TenantContext.Scope scope = TenantContext.open("acme")) {
			counter.increment(Plan.PRO);
		}
		assertThat(this.registry.get("business.subscriptions").tags("tenant", "acme", "plan", "pro").counter().count())
			.isEqualTo(3);
		assertThat(this.registry.get("business.subscriptions").counter().getId().getBaseUnit())
			.isEqualTo("subscriptions");
		assertThat(this.registry.get("business.subscriptions").counter().getId().getDescription())
			.isEqualTo("Subscriptions started");
	}

	@Test
	void gaugeKpiKeepsTheLastLevelPerTenantAndTag() {
		KpiGauge<Plan> seats = this.metrics.gauge(Kpi.of("business.seats", "plan", Plan.class));
		seats.set("acme", Plan.FREE, 12);
		seats.set("acme", Plan.FREE, 7.5);
		seats.set("globex", Plan.PRO, 40);
		assertThat(this.registry.get("business.seats").tags("tenant", "acme", "plan", "free").gauge().value())
			.isEqualTo(7.5);
		assertThat(this.registry.get("business.seats").tags("tenant", "globex", "plan", "pro").gauge().value())
			.isEqualTo(40);
	}

	@Test
	void tenantsOfAKpiAreBoundedByTheGuard() {
		KpiCounter<Plan> counter = this.metrics.counter(this.subscriptions);
		for (int i = 0; i < 50; i++) {
			counter.increment("tenant-" + i, Plan.FREE, 1);
		}
		assertThat(this.registry.find("business.subscriptions").counters()).hasSize(4);
		assertThat(this.registry.get("business.subscriptions").tags("tenant", "other").counter().count())
			.isEqualTo(47);
	}

	@Test
	void badAmountsAndValuesAreRefusedAndRecordNothing() {
		KpiCounter<Plan> counter = this.metrics.counter(this.subscriptions);
		assertThatIllegalArgumentException().isThrownBy(() -> counter.increment("acme", Plan.PRO, -1))
			.withMessageContaining("'amount'");
		assertThatIllegalArgumentException().isThrownBy(() -> counter.increment("acme", Plan.PRO, Double.NaN))
			.withMessageContaining("'amount'");
		assertThatIllegalArgumentException().isThrownBy(() -> counter.increment("acme", null, 1))
			.withMessageContaining("'value'");
		assertThat(this.registry.find("business.subscriptions").counters())
			.allSatisfy((recorded) -> assertThat(recorded.count()).isZero());
	}

	@Test
	void declarationsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> Kpi.of("subscriptions", "plan", Plan.class))
			.withMessageContaining("'name'");
		assertThatIllegalArgumentException().isThrownBy(() -> Kpi.of("business.Subs", "plan", Plan.class))
			.withMessageContaining("'name'");
		assertThatIllegalArgumentException().isThrownBy(() -> Kpi.of("business.subs", "tenant", Plan.class))
			.withMessageContaining("'tagKey'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.subscriptions.baseUnit("Sub Scriptions"))
			.withMessageContaining("'baseUnit'");
	}

	@Test
	void noopKpisCheckArgumentsAndRecordNothing() {
		KpiCounter<Plan> counter = BusinessMetrics.noop(Map.of()).counter(this.subscriptions);
		counter.increment("acme", Plan.PRO, 1);
		assertThatIllegalArgumentException().isThrownBy(() -> counter.increment("acme", Plan.PRO, -1));
		assertThat(this.registry.find("business.subscriptions").counters()).isEmpty();
	}

	enum Plan {

		FREE, PRO

	}

}
