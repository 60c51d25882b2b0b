package dev.vantage.observability.autoconfigure.http;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.tenant.TenantAutoConfiguration;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.http.HttpMeters;
import dev.vantage.observability.http.TenantRequestMetrics;
import io.micrometer.core.instrument.LongTaskTimer;
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
		.withInitializer(MetricsConfigurations::vantageDefaults)
		.withConfiguration(MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class,
				TenantAutoConfiguration.class, HttpMetricsAutoConfiguration.class));

	@Test
	void serverRequestsGetConfiguredSloBucketsAndTenantMetersAreCreated() {
		this.contextRunner.withPropertyValues("observability.http.slo=100ms,1s").run((context) -> {
			assertThat(context).hasSingleBean(TenantRequestMetrics.class).hasBean("tenantRequestMetricsFilter");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer timer = Timer.builder(HttpMeters.SERVER_REQUESTS).register(registry);
			assertThat(timer.takeSnapshot().histogramCounts()).hasSize(2);
			Timer client = Timer.builder(HttpMeters.CLIENT_REQUESTS).register(registry);
			assertThat(client.takeSnapshot().histogramCounts()).hasSize(2);
		});
	}

	@Test
	void slosOfTheApplicationWin() {
		this.contextRunner.withPropertyValues("management.metrics.distribution.slo.http.server.requests=10ms")
			.run((context) -> {
				Timer timer = Timer.builder(HttpMeters.SERVER_REQUESTS)
					.register(context.getBean(MeterRegistry.class));
				assertThat(timer.takeSnapshot().histogramCounts()).hasSize(1);
			});
	}

	@Test
	void tenantFilterBacksOffWithoutServletApiButBucketsStay() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpServletRequest.class)).run((context) -> {
			assertThat(context).doesNotHaveBean("tenantRequestMetricsFilter");
			Timer timer = Timer.builder(HttpMeters.SERVER_REQUESTS).register(context.getBean(MeterRegistry.class));
			assertThat(timer.takeSnapshot().histogramCounts()).hasSize(HttpProperties.DEFAULT_SLO.size());
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
			Timer timer = Timer.builder(HttpMeters.SERVER_REQUESTS).register(context.getBean(MeterRegistry.class));
			assertThat(timer.takeSnapshot().histogramCounts()).isEmpty();
		});
	}

	@Test
	void sloBucketsAreBootsOwnPropertyWithExactBoundaries() {
		this.contextRunner.withPropertyValues("observability.http.slo=300ms,1500ms").run((context) -> {
			assertThat(context.getEnvironment().getProperty("management.metrics.distribution.slo.http.server.requests"))
				.isEqualTo("300000000ns,1500000000ns");
			Timer timer = Timer.builder(HttpMeters.SERVER_REQUESTS).register(context.getBean(MeterRegistry.class));
			assertThat(timer.takeSnapshot().histogramCounts()).extracting((bucket) -> bucket.bucket(TimeUnit.SECONDS))
				.containsExactly(0.3, 1.5);
		});
	}

	@Test
	void activeRequestsGetNoBuckets() {
		this.contextRunner.run((context) -> {
			LongTaskTimer active = LongTaskTimer.builder(HttpMeters.SERVER_REQUESTS + ".active")
				.register(context.getBean(MeterRegistry.class));
			assertThat(active.takeSnapshot().histogramCounts()).isEmpty();
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
