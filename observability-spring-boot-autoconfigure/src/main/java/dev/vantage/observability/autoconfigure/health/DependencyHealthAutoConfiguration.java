package dev.vantage.observability.autoconfigure.health;

import java.time.Clock;
import java.util.stream.Collectors;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.support.ObservabilityExecutorAutoConfiguration;
import dev.vantage.observability.health.DependencyCheck;
import dev.vantage.observability.health.DependencyHealthChecker;
import dev.vantage.observability.support.ObservabilityExecutor;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of dependency health: a {@link DependencyHealthChecker} over every
 * data source, Redis connection factory and declared HTTP dependency, exposed as the
 * {@code dependencies} health component, with the critical ones in the readiness group.
 */
@AutoConfiguration(after = ObservabilityExecutorAutoConfiguration.class, afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration" })
@ConditionalOnClass({ HealthContributor.class, MeterRegistry.class })
@ConditionalOnBean({ MeterRegistry.class, ObservabilityExecutor.class })
@ConditionalOnObservabilityEnabled(VantageHealthProperties.PREFIX)
@EnableConfigurationProperties(VantageHealthProperties.class)
public final class DependencyHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DependencyHealthChecker dependencyHealthChecker(ListableBeanFactory beanFactory, VantageHealthProperties properties,
			MeterRegistry registry, ObservabilityExecutor executor) {
		return new DependencyHealthChecker(DependencyChecks.collect(beanFactory, properties), properties.getTimeout(),
				properties.getCacheTtl(), registry, Clock.systemUTC(), executor);
	}

	@Bean
	@ConditionalOnMissingBean(name = "dependenciesHealthContributor")
	CompositeHealthContributor dependenciesHealthContributor(DependencyHealthChecker checker) {
		return DependenciesHealthContributor.of(checker);
	}

	@Bean
	@ConditionalOnProperty(VantageHealthProperties.REFRESH_INTERVAL)
	BackgroundHealthRefresh backgroundHealthRefresh(DependencyHealthChecker checker, VantageHealthProperties properties,
			ObservabilityExecutor executor) {
		return new BackgroundHealthRefresh(checker, properties.getRefreshInterval(), executor);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
	static class ReadinessConfiguration {

		@Bean
		CriticalDependenciesReadiness criticalDependenciesReadiness(DependencyHealthChecker checker,
				ObjectProvider<ObserverFailures> failures) {
			return new CriticalDependenciesReadiness(checker.checks()
				.stream()
				.filter(DependencyCheck::critical)
				.map(DependencyCheck::name)
				.collect(Collectors.toSet()), failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

}
