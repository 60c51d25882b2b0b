package dev.vantage.observability.autoconfigure.http;

import java.util.List;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.tenant.TenantAutoConfiguration;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.http.ServiceLevelObjectivesMeterFilter;
import dev.vantage.observability.http.TenantRequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class HttpMetricsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class,
				TenantAutoConfiguration.class, HttpMetricsAutoConfiguration.class));

	@Test
	void serverRequestsGetConfiguredSloBucketsAndTenantMetersAreCreated() {
		this.contextRunner.withPropertyValues("observability.http.slo=100ms,1s").run((context) -> {
			assertThat(context).hasSingleBean(TenantRequestMetrics.class).hasBean("tenantRequestMetricsFilter");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer timer = Timer.builder(HttpMetricsAutoConfiguration.SERVER_REQUESTS_METER).register(registry);
			assertThat(timer.takeSnapshot().histogramCounts()).hasSize(2);
			Timer client = Timer.builder(HttpMetricsAutoConfiguration.CLIENT_REQUESTS_METER).register(registry);
			assertThat(client.takeSnapshot().histogramCounts()).hasSize(2);
		});
	}

	@Test
	void slosOfTheApplicationWin() {
		this.contextRunner.withPropertyValues("management.metrics.distribution.slo.http.server.requests=10ms")
			.run((context) -> {
				Timer timer = Timer.builder(HttpMetricsAutoConfiguration.SERVER_REQUESTS_METER)
					.register(context.getBean(MeterRegistry.class));
				assertThat(timer.takeSnapshot().histogramCounts()).hasSize(1);
			});
	}

	@Test
	void tenantMetersBackOffWithoutServletApiButBucketsStay() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpServletRequest.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(TenantRequestMetrics.class);
			assertThat(context).hasBean("httpServerRequestsSloMeterFilter").hasBean("httpClientRequestsSloMeterFilter");
		});
	}

	@Test
	void userTenantMetricsWin() {
		this.contextRunner.withUserConfiguration(UserMetrics.class).run((context) -> {
			assertThat(context).hasSingleBean(TenantRequestMetrics.class);
			assertThat(context).hasBean("customTenantRequestMetrics");
		});
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.http.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TenantRequestMetrics.class);
			assertThat(context).doesNotHaveBean(ServiceLevelObjectivesMeterFilter.class);
		});
	}

	@Test
	void invalidSloFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.http.slo=-5ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.http.slo")
				.hasMessageContaining("must be positive"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMetrics {

		@Bean
		TenantRequestMetrics customTenantRequestMetrics(MeterRegistry registry) {
			return new TenantRequestMetrics(registry, new CardinalityGuard(10, 100, List.of()));
		}

	}

}
