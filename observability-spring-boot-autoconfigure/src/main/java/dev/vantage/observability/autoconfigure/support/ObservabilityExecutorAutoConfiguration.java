package dev.vantage.observability.autoconfigure.support;

import dev.vantage.observability.support.ObservabilityExecutor;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of what every concern of Vantage shares: the one executor that runs its
 * background work (dependency probes, the health refresh, the cache rescan), shut down with
 * the context, and the guard that keeps a failure of its observing code from the application.
 */
@AutoConfiguration
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(VantageProperties.class)
public final class ObservabilityExecutorAutoConfiguration {

	/** The prefix of the executor's thread names. */
	public static final String THREAD_NAME_PREFIX = "observability";

	@Bean
	@ConditionalOnMissingBean
	ObserverFailures observerFailures(ObjectProvider<MeterRegistry> registry) {
		return new ObserverFailures(registry::getIfAvailable);
	}

	/** The guard's counters at zero once the registry exists, so an alert sees the first failure. */
	@Bean
	static SmartInitializingSingleton observerFailuresBinding(ObjectProvider<ObserverFailures> failures) {
		return () -> failures.ifAvailable(ObserverFailures::bind);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ObservabilityExecutor observabilityExecutor() {
		return new ObservabilityExecutor(THREAD_NAME_PREFIX);
	}

}
