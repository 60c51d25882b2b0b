package dev.vantage.observability.autoconfigure.application;

import java.util.Properties;

import dev.vantage.observability.application.BuildInfoMetrics;
import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(MetricsConfigurations::vantageDefaults)
		.withConfiguration(MetricsConfigurations.withRegistry(ApplicationMetricsAutoConfiguration.class));

	@Test
	void everyMeterGetsTheApplicationTagAndBuildInfoIsPublished() {
		this.contextRunner.withPropertyValues("spring.application.name=shop")
			.withUserConfiguration(Build.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				registry.counter("orders");
				assertThat(registry.get("orders").counter().getId().getTag("application")).isEqualTo("shop");
				assertThat(registry.get(BuildInfoMetrics.METER).tag("version", "1.2.3").tag("commit", "unknown").gauge()
					.value()).isEqualTo(1);
			});
	}

	@Test
	void explicitApplicationTagOfTheAppWins() {
		this.contextRunner.withPropertyValues("spring.application.name=shop", "management.metrics.tags.application=mine")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				registry.counter("orders");
				assertThat(registry.get("orders").counter().getId().getTag("application")).isEqualTo("mine");
			});
	}

	@Test
	void backsOffWithoutMicrometer() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ApplicationMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuildInfoMetrics.class));
	}

	@Test
	void userBuildInfoWins() {
		this.contextRunner.withUserConfiguration(UserBuildInfo.class).run((context) -> {
			assertThat(context).hasSingleBean(BuildInfoMetrics.class);
			assertThat(context.getBean(MeterRegistry.class).get(BuildInfoMetrics.METER).tag("version", "custom").gauge())
				.isNotNull();
		});
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.application.enabled=false", "spring.application.name=shop")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BuildInfoMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.counter("orders").getId().getTag("application")).isNull();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Build {

		@Bean
		BuildProperties buildProperties() {
			Properties properties = new Properties();
			properties.setProperty("version", "1.2.3");
			return new BuildProperties(properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBuildInfo {

		@Bean
		BuildInfoMetrics customBuildInfo() {
			return new BuildInfoMetrics("custom", "abc");
		}

	}

}
