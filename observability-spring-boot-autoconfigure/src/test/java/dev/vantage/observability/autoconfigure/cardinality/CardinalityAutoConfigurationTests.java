package dev.vantage.observability.autoconfigure.cardinality;

import java.util.List;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class CardinalityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class));

	@Test
	void guardBoundsGuardedMetersOfTheRegistry() {
		this.contextRunner.withPropertyValues("observability.cardinality.max-tag-values=5").run((context) -> {
			assertThat(context).hasSingleBean(CardinalityGuard.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			for (int i = 0; i < 20; i++) {
				Counter.builder("business.orders").tag("tenant", "t" + i).register(registry);
			}
			assertThat(registry.find("business.orders").counters()).hasSize(6);
			assertThat(registry.get(CardinalityGuard.OVERFLOW_METER).functionCounter().count()).isEqualTo(15);
		});
	}

	@Test
	void backsOffWithoutMicrometer() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CardinalityAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CardinalityGuard.class));
	}

	@Test
	void userGuardWins() {
		this.contextRunner.withUserConfiguration(UserGuard.class).run((context) -> {
			assertThat(context).hasSingleBean(CardinalityGuard.class);
			assertThat(context.getBean(CardinalityGuard.class).maxTagValues()).isEqualTo(7);
		});
	}

	@Test
	void switchedOffWithVantage() {
		this.contextRunner.withPropertyValues("observability.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CardinalityGuard.class));
	}

	@Test
	void invalidLimitFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.cardinality.max-tag-values=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.cardinality.max-tag-values")
				.hasMessageContaining("at least 1"));
		this.contextRunner.withPropertyValues("observability.cardinality.max-series-per-meter=-3")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.cardinality.max-series-per-meter"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserGuard {

		@Bean
		CardinalityGuard userGuard() {
			return new CardinalityGuard(7, 70, List.of("business."));
		}

	}

}
