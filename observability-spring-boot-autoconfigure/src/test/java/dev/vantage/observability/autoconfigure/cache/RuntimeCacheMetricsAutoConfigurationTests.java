package dev.vantage.observability.autoconfigure.cache;

import java.time.Duration;
import java.util.Map;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.support.ObservabilityExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.cache.metrics.CacheMetricsRegistrar;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RuntimeCacheMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withPropertyValues("spring.cache.type=caffeine", "spring.cache.caffeine.spec=recordStats")
		.withUserConfiguration(Caching.class)
		.withConfiguration(MetricsConfigurations.withRegistry(CacheAutoConfiguration.class,
				CacheMetricsAutoConfiguration.class, RuntimeCacheMetricsAutoConfiguration.class));

	@Test
	void cacheCreatedAfterStartupIsBound() {
		this.contextRunner.run((context) -> {
			CacheManager cacheManager = context.getBean(CacheManager.class);
			cacheManager.getCache("late").get("missing");
			context.getBean(RuntimeCacheMetricsBinder.class).bindNewCaches();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("cache.gets").tag("cache", "late").tag("result", "miss").functionCounter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void cacheBootBoundAtStartupIsNotBoundAgain(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.cache.cache-names=products").run((context) -> {
			context.getBean(RuntimeCacheMetricsBinder.class).bindNewCaches();
			assertThat(context.getBean(MeterRegistry.class).get("cache.size").tag("cache", "products").gauges())
				.hasSize(1);
			assertThat(output).doesNotContain("already been registered");
		});
	}

	@Test
	void backsOffWithoutBootCacheMetrics() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(CacheMetricsRegistrar.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RuntimeCacheMetricsBinder.class));
	}

	@Test
	void userBinderWins() {
		this.contextRunner.withUserConfiguration(UserBinder.class).run((context) -> {
			assertThat(context).hasSingleBean(RuntimeCacheMetricsBinder.class);
			assertThat(context).hasBean("customBinder");
		});
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.cache.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RuntimeCacheMetricsBinder.class));
	}

	@Test
	void invalidIntervalFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.cache.rescan-interval=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.cache.rescan-interval"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class Caching {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBinder {

		@Bean
		RuntimeCacheMetricsBinder customBinder(CacheMetricsRegistrar registrar, MeterRegistry registry,
				ObservabilityExecutor executor) {
			return new RuntimeCacheMetricsBinder(Map.of(), registrar, registry, Duration.ofMinutes(1), executor);
		}

	}

}
