package dev.vantage.observability.autoconfigure.business;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.business.MeterBusinessMetrics;
import dev.vantage.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link BusinessMetrics} bean domain code records with.
 */
@AutoConfiguration(after = CardinalityAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, CardinalityGuard.class })
@ConditionalOnObservabilityEnabled(VantageBusinessProperties.PREFIX)
@EnableConfigurationProperties(VantageBusinessProperties.class)
public final class BusinessMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BusinessMetrics businessMetrics(MeterRegistry registry, CardinalityGuard guard,
			VantageBusinessProperties properties) {
		return new MeterBusinessMetrics(registry, guard, properties.getFunnels());
	}

}
