package dev.vantage.observability.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityDefaultsEnvironmentPostProcessorTests {

	private final ObservabilityDefaultsEnvironmentPostProcessor postProcessor = new ObservabilityDefaultsEnvironmentPostProcessor();

	@Test
	void countExemplarsAreTurnedOffAndCacheStatisticsOn() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(
				"management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]"))
			.isEqualTo("false");
		assertThat(environment.getProperty("spring.cache.caffeine.spec")).isEqualTo("recordStats");
	}

	@Test
	void applicationValuesWin() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.cache.caffeine.spec",
				"maximumSize=10");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.cache.caffeine.spec")).isEqualTo("maximumSize=10");
	}

	@Test
	void nothingIsAddedWhenVantageIsOff() {
		MockEnvironment environment = new MockEnvironment().withProperty("observability.enabled", "false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources()
			.contains(ObservabilityDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
	}

}
