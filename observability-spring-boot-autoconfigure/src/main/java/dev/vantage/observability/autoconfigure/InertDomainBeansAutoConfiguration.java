package dev.vantage.observability.autoconfigure;

import java.time.Clock;
import java.util.List;

import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.autoconfigure.audit.AuditAutoConfiguration;
import dev.vantage.observability.autoconfigure.business.BusinessMetricsAutoConfiguration;
import dev.vantage.observability.autoconfigure.security.SecurityMetricsAutoConfiguration;
import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.security.SecurityMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The domain beans ({@link BusinessMetrics}, {@link SecurityMetrics}, {@link AuditLogger})
 * for when Vantage, or one of its concerns, is switched off, or when no
 * {@code MeterRegistry} exists: domain code keeps its injection points and its argument
 * checks, and records nothing. {@code observability.enabled=false} is then a kill switch
 * that needs no code change.
 */
@AutoConfiguration(after = { BusinessMetricsAutoConfiguration.class, AuditAutoConfiguration.class,
		SecurityMetricsAutoConfiguration.class })
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class InertDomainBeansAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BusinessMetrics businessMetrics(ObservabilityProperties properties) {
		return new BusinessMetrics(nowhere(), guard(properties), properties.getBusiness().getFunnels());
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityMetrics securityMetrics() {
		return new SecurityMetrics(nowhere());
	}

	@Bean
	@ConditionalOnMissingBean
	AuditLogger auditLogger(ObservabilityProperties properties) {
		return new AuditLogger((event) -> {
		}, new AuditMasker(List.of(), false), nowhere(), guard(properties), Clock.systemUTC());
	}

	/** An empty composite registry hands out meters that record nothing and hold no series. */
	private static MeterRegistry nowhere() {
		return new CompositeMeterRegistry();
	}

	private static CardinalityGuard guard(ObservabilityProperties properties) {
		ObservabilityProperties.Cardinality cardinality = properties.getCardinality();
		return new CardinalityGuard(cardinality.getMaxTagValues(), cardinality.getMaxSeriesPerMeter(),
				cardinality.getMeterPrefixes());
	}

}
