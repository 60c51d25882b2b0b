package dev.vantage.observability.autoconfigure;

import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.autoconfigure.audit.AuditAutoConfiguration;
import dev.vantage.observability.autoconfigure.audit.VantageAuditProperties;
import dev.vantage.observability.autoconfigure.business.BusinessMetricsAutoConfiguration;
import dev.vantage.observability.autoconfigure.business.VantageBusinessProperties;
import dev.vantage.observability.autoconfigure.security.SecurityMetricsAutoConfiguration;
import dev.vantage.observability.autoconfigure.support.VantageProperties;
import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.security.SecurityMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The domain beans ({@link BusinessMetrics}, {@link SecurityMetrics}, {@link AuditLogger})
 * for when Vantage, or one of its concerns, is switched off, or when no
 * {@code MeterRegistry} exists: core's no-op implementations, so domain code keeps its
 * injection points and its argument checks, and records nothing.
 * {@code observability.enabled=false} is then a kill switch that needs no code change.
 */
@AutoConfiguration(after = { BusinessMetricsAutoConfiguration.class, AuditAutoConfiguration.class,
		SecurityMetricsAutoConfiguration.class })
@EnableConfigurationProperties(VantageBusinessProperties.class)
public final class InertDomainBeansAutoConfiguration {

	private static final Log logger = LogFactory.getLog(InertDomainBeansAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	BusinessMetrics businessMetrics(VantageBusinessProperties properties) {
		return BusinessMetrics.noop(properties.getFunnels());
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityMetrics securityMetrics() {
		return SecurityMetrics.noop();
	}

	/** The audit log promises never to drop an event silently, so discarding is said once. */
	@Bean
	@ConditionalOnMissingBean
	AuditLogger auditLogger(Environment environment) {
		logger.warn("Audit events are discarded, none is written: " + discardedBecause(environment));
		return AuditLogger.discarding();
	}

	private static String discardedBecause(Environment environment) {
		if (!VantageProperties.isEnabled(environment, "")) {
			return VantageProperties.ENABLED + " is false; set it to true to write the audit log";
		}
		if (!VantageProperties.isEnabled(environment, VantageAuditProperties.PREFIX)) {
			return VantageAuditProperties.PREFIX + ".enabled is false; set it to true to write the audit log";
		}
		return "the application has no MeterRegistry; add spring-boot-starter-actuator to write the audit log";
	}

}
