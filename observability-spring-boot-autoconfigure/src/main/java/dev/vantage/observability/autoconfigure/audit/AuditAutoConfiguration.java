package dev.vantage.observability.autoconfigure.audit;

import java.time.Clock;

import ch.qos.logback.classic.LoggerContext;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.audit.AuditSink;
import dev.vantage.observability.audit.SinkAuditLogger;
import dev.vantage.observability.audit.Slf4jAuditSink;
import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.security.SecurityEventRecorder;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@link AuditLogger}: masked JSON lines on the {@code AUDIT}
 * logger, {@code audit_events_total} and {@code audit_write_failures_total}, and Boot's
 * audit events bridged in.
 */
@AutoConfiguration(after = CardinalityAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, CardinalityGuard.class })
@ConditionalOnObservabilityEnabled(VantageAuditProperties.PREFIX)
@EnableConfigurationProperties(VantageAuditProperties.class)
public final class AuditAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuditSink auditSink() {
		return new Slf4jAuditSink();
	}

	@Bean
	@ConditionalOnMissingBean
	AuditLogger auditLogger(AuditSink sink, MeterRegistry registry, CardinalityGuard guard,
			VantageAuditProperties properties) {
		return new SinkAuditLogger(sink,
				new AuditMasker(properties.getMaskedKeys(), properties.isAnonymizeClientIp()), registry, guard,
				Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LoggerContext.class)
	static class LogbackAuditFailuresConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuditAppenderFailureListener auditAppenderFailureListener(AuditLogger auditLogger) {
			return new AuditAppenderFailureListener(auditLogger);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AuditApplicationEvent.class)
	static class BootAuditEventsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuditApplicationEventBridge auditApplicationEventBridge(AuditLogger auditLogger,
				ObjectProvider<SecurityEventRecorder> securityEvents, ObjectProvider<ObserverFailures> failures) {
			return new AuditApplicationEventBridge(auditLogger, securityEvents,
					failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

}
