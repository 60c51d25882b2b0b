package dev.vantage.observability.cardinality;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CardinalityGuardTests {

	private final CardinalityGuard guard = new CardinalityGuard(3, 5, List.of("business."));

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@BeforeEach
	void setUp() {
		this.registry.config().meterFilter(this.guard);
		this.guard.bindTo(this.registry);
	}

	@Test
	void tagValuesCollapseToOtherAfterLimit() {
		for (int i = 0; i < 10; i++) {
			Counter.builder("business.orders").tag("tenant", "t" + i).register(this.registry).increment();
		}
		assertThat(this.registry.find("business.orders").counters()).extracting((c) -> c.getId().getTag("tenant"))
			.containsExactlyInAnyOrder("t0", "t1", "t2", "other");
		assertThat(this.registry.get("business.orders").tag("tenant", "other").counter().count()).isEqualTo(7);
		assertThat(overflow("business.orders", "tenant")).isEqualTo(7);
	}

	@Test
	void valuesSeenBeforeTheLimitKeepTheirOwnSeries() {
		for (int i = 0; i < 10; i++) {
			Counter.builder("business.orders").tag("tenant", "t" + i).register(this.registry).increment();
		}
		Counter.builder("business.orders").tag("tenant", "t1").register(this.registry).increment();
		assertThat(this.registry.get("business.orders").tag("tenant", "t1").counter().count()).isEqualTo(2);
	}

	@Test
	void seriesPastTheCapAreDeniedAndCounted() {
		for (int a = 0; a < 3; a++) {
			for (int b = 0; b < 3; b++) {
				Counter.builder("business.funnel").tag("a", "a" + a).tag("b", "b" + b).register(this.registry)
					.increment();
			}
		}
		assertThat(this.registry.find("business.funnel").counters()).hasSize(5);
		assertThat(overflow("business.funnel", CardinalityGuard.SERIES_TAG)).isEqualTo(4);
	}

	@Test
	void meterOutsideGuardedPrefixesIsUntouched() {
		for (int i = 0; i < 10; i++) {
			Counter.builder("jvm.custom").tag("id", "i" + i).register(this.registry);
		}
		assertThat(this.registry.find("jvm.custom").counters()).hasSize(10);
	}

	@Test
	void overflowBeforeBindingIsPublishedOnBind() {
		CardinalityGuard unbound = new CardinalityGuard(1, 5, List.of("business."));
		unbound.overflowRecorder("business.orders", "tenant").record();
		MeterRegistry later = new SimpleMeterRegistry();
		unbound.bindTo(later);
		assertThat(later.get(CardinalityGuard.OVERFLOW_METER).tag("meter", "business.orders").functionCounter().count())
			.isEqualTo(1);
	}

	@Test
	void invalidLimitsAreRejectedNamingTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CardinalityGuard(0, 5, List.of()))
			.withMessageContaining("'maxTagValues'");
		assertThatIllegalArgumentException().isThrownBy(() -> new CardinalityGuard(1, -1, List.of()))
			.withMessageContaining("'maxSeriesPerMeter'");
	}

	private double overflow(String meter, String tag) {
		FunctionCounter counter = this.registry.find(CardinalityGuard.OVERFLOW_METER)
			.tags("meter", meter, "tag", tag)
			.functionCounter();
		return (counter != null) ? counter.count() : 0;
	}

}
