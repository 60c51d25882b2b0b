package dev.vantage.observability.autoconfigure.cache;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.support.ObservabilityExecutorAutoConfiguration;
import dev.vantage.observability.support.ObservabilityExecutor;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.cache.metrics.CacheMetricsRegistrar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of meters for caches created after startup, on top of Boot's cache
 * metrics ({@code cache_gets_total{result=hit|miss}}, puts, evictions).
 */
@AutoConfiguration(after = { CacheMetricsAutoConfiguration.class, ObservabilityExecutorAutoConfiguration.class })
@ConditionalOnClass({ CacheManager.class, CacheMetricsRegistrar.class })
@ConditionalOnBean({ CacheMetricsRegistrar.class, MeterRegistry.class, ObservabilityExecutor.class })
@ConditionalOnObservabilityEnabled(VantageCacheProperties.PREFIX)
@EnableConfigurationProperties(VantageCacheProperties.class)
public final class RuntimeCacheMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RuntimeCacheMetricsBinder runtimeCacheMetricsBinder(ListableBeanFactory beanFactory,
			CacheMetricsRegistrar registrar, MeterRegistry registry, VantageCacheProperties properties,
			ObservabilityExecutor executor) {
		return new RuntimeCacheMetricsBinder(beanFactory.getBeansOfType(CacheManager.class), registrar, registry,
				properties.getRescanInterval(), executor);
	}

}
