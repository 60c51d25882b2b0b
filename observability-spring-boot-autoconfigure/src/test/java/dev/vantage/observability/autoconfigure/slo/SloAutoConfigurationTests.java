package dev.vantage.observability.autoconfigure.slo;

import java.time.Duration;
import java.util.List;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.slo.SloKind;
import dev.vantage.observability.slo.SloRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SloAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(MetricsConfigurations::vantageDefaults)
		.withConfiguration(MetricsConfigurations.withRegistry(SloAutoConfiguration.class))
		.withPropertyValues("spring.application.name=shop");

	@Test
	void declaredObjectivesBecomeRulesOfTheApplication() {
		this.contextRunner.withPropertyValues("observability.slo.api.objective=99.9",
				"observability.slo.checkout.kind=latency", "observability.slo.checkout.objective=99",
				"observability.slo.checkout.threshold=250ms", "observability.slo.checkout.routes=/api/orders",
				"observability.slo.checkout.methods=POST", "observability.slo.checkout.window=7d")
			.run((context) -> {
				SloRules rules = context.getBean(SloRules.class);
				assertThat(rules.application()).isEqualTo("shop");
				assertThat(rules.objectives()).extracting((slo) -> slo.name()).containsExactly("api", "checkout");
				assertThat(rules.objectives().get(1).kind()).isEqualTo(SloKind.LATENCY);
				assertThat(rules.objectives().get(1).window()).isEqualTo(Duration.ofDays(7));
				assertThat(rules.objectives().get(0).window()).isEqualTo(Duration.ofDays(28));
				assertThat(context).hasSingleBean(SloEndpoint.class);
			});
	}

	@Test
	void latencyThresholdBecomesABucketOfTheServerTimer() {
		this.contextRunner.withPropertyValues("observability.slo.checkout.kind=latency",
				"observability.slo.checkout.objective=99", "observability.slo.checkout.threshold=250ms")
			.run((context) -> {
				Timer timer = Timer.builder("http.server.requests").register(context.getBean(MeterRegistry.class));
				assertThat(timer.takeSnapshot().histogramCounts()).extracting(CountAtBucket::bucket)
					.contains(Duration.ofMillis(250).toNanos() * 1.0, Duration.ofMillis(300).toNanos() * 1.0);
			});
	}

	@Test
	void thresholdMissingFromBucketsTheApplicationSetFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.slo.checkout.kind=latency",
				"observability.slo.checkout.objective=99", "observability.slo.checkout.threshold=250ms",
				"management.metrics.distribution.slo.http.server.requests=100ms,1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'observability.slo.checkout.threshold' is 250ms")
				.hasMessageContaining("management.metrics.distribution.slo.http.server.requests"));
		this.contextRunner.withPropertyValues("observability.slo.checkout.kind=latency",
				"observability.slo.checkout.objective=99", "observability.slo.checkout.threshold=250ms",
				"management.metrics.distribution.slo.http.server.requests=100ms,250ms")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void invalidDeclarationsFailStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.slo.api.kind=availability")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'observability.slo.api.objective' must be set"));
		this.contextRunner.withPropertyValues("observability.slo.api.objective=99.9", "observability.slo.api.window=36h")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'observability.slo.api.window' is invalid"));
		this.contextRunner.withPropertyValues("observability.slo.api.objective=99.9",
				"observability.slo.api.runbook-url= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'observability.slo.api.runbook-url' is invalid"));
		this.contextRunner.withPropertyValues("observability.slo.checkout.kind=latency",
				"observability.slo.checkout.objective=99")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'observability.slo.checkout.threshold' is invalid"));
		this.contextRunner.withPropertyValues("observability.slo.api.objective=99.9", "observability.slo.api.kind=speed")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("observability.slo.api.kind"));
	}

	@Test
	void userRulesWin() {
		this.contextRunner.withUserConfiguration(UserRules.class)
			.withPropertyValues("observability.slo.api.objective=99.9")
			.run((context) -> assertThat(context.getBean(SloRules.class).application()).isEqualTo("mine"));
	}

	@Test
	void endpointBacksOffWithoutTheActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(SloRules.class).doesNotHaveBean(SloEndpoint.class));
	}

	@Test
	void switchedOffWithVantage() {
		this.contextRunner.withPropertyValues("observability.enabled=false", "observability.slo.api.objective=99.9")
			.run((context) -> assertThat(context).doesNotHaveBean(SloRules.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserRules {

		@Bean
		SloRules userRules() {
			return new SloRules("mine", List.of());
		}

	}

}
