package dev.vantage.observability.autoconfigure.health;

import java.time.Clock;
import java.util.stream.Collectors;

import dev.vantage.observability.autoconfigure.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.ObservabilityProperties;
import dev.vantage.observability.health.DependencyCheck;
import dev.vantage.observability.health.DependencyHealthChecker;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
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
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration" })
@ConditionalOnClass({ HealthContributor.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnObservabilityEnabled("health")
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class DependencyHealthAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	DependencyHealthChecker dependencyHealthChecker(ListableBeanFactory beanFactory, ObservabilityProperties properties,
			MeterRegistry registry) {
		ObservabilityProperties.Health health = properties.getHealth();
		return new DependencyHealthChecker(DependencyChecks.collect(beanFactory, health), health.getTimeout(),
				health.getCacheTtl(), registry, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(name = "dependenciesHealthContributor")
	CompositeHealthContributor dependenciesHealthContributor(DependencyHealthChecker checker) {
		return DependenciesHealthContributor.of(checker);
	}

	@Bean
	@ConditionalOnProperty("observability.health.refresh-interval")
	BackgroundHealthRefresh backgroundHealthRefresh(DependencyHealthChecker checker,
			ObservabilityProperties properties) {
		return new BackgroundHealthRefresh(checker, properties.getHealth().getRefreshInterval());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
	static class ReadinessConfiguration {

		@Bean
		CriticalDependenciesReadiness criticalDependenciesReadiness(DependencyHealthChecker checker) {
			return new CriticalDependenciesReadiness(checker.checks()
				.stream()
				.filter(DependencyCheck::critical)
				.map(DependencyCheck::name)
				.collect(Collectors.toSet()));
		}

	}

}
