package dev.vantage.observability.autoconfigure;

import dev.vantage.observability.support.ObservabilityExecutor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the one executor that runs Vantage's background work (dependency
 * probes, the health refresh, the cache rescan), shut down with the context.
 */
@AutoConfiguration
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class ObservabilityExecutorAutoConfiguration {

	/** The prefix of the executor's thread names. */
	public static final String THREAD_NAME_PREFIX = "observability";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ObservabilityExecutor observabilityExecutor() {
		return new ObservabilityExecutor(THREAD_NAME_PREFIX);
	}

}
