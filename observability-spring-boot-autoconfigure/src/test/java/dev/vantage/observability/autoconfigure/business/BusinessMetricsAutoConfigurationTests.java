package dev.vantage.observability.autoconfigure.business;

import java.util.List;
import java.util.Map;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.business.MeterBusinessMetrics;
import dev.vantage.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class, BusinessMetricsAutoConfiguration.class));

	@Test
	void declaredFunnelsAreRegisteredAtZero() {
		this.contextRunner.withPropertyValues("observability.business.funnels.checkout=view,cart,checkout,paid")
			.run((context) -> {
				assertThat(context).hasSingleBean(BusinessMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("business.funnel.steps").tag("funnel", "checkout").counters()).hasSize(4);
				context.getBean(BusinessMetrics.class).funnelStep("checkout", "paid");
				assertThat(registry.get("business.funnel.steps").tag("step", "paid").counter().count()).isEqualTo(1);
			});
	}

	@Test
	void backsOffWithoutMicrometer() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BusinessMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BusinessMetrics.class));
	}

	@Test
	void userBeanWins() {
		this.contextRunner.withUserConfiguration(UserMetrics.class).run((context) -> {
			assertThat(context).hasSingleBean(BusinessMetrics.class);
			assertThat(context).hasBean("customBusinessMetrics");
		});
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.business.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BusinessMetrics.class));
	}

	@Test
	void funnelWithRepeatedStepFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.business.funnels.checkout=view,cart,view")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.business.funnels.checkout")
				.hasMessageContaining("must not repeat a step"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMetrics {

		@Bean
		BusinessMetrics customBusinessMetrics(MeterRegistry registry) {
			return new MeterBusinessMetrics(registry, new CardinalityGuard(10, 100, List.of()), Map.of());
		}

	}

}
