package dev.vantage.observability.autoconfigure.security;

import java.time.Clock;

import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.autoconfigure.support.FilterOrder;
import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.audit.AuditAutoConfiguration;
import dev.vantage.observability.autoconfigure.support.ObservabilityExecutorAutoConfiguration;
import dev.vantage.observability.security.BruteForceDetector;
import dev.vantage.observability.security.MeterSecurityMetrics;
import dev.vantage.observability.security.SecurityEventRecorder;
import dev.vantage.observability.security.SecurityMetrics;
import dev.vantage.observability.security.SuspiciousRequestDetector;
import dev.vantage.observability.support.ObservabilityExecutor;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationObservationContext;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authorization.AuthorizationObservationContext;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of {@link SecurityMetrics}, the Spring Security events bridge,
 * brute-force detection and the suspicious-request filter.
 */
@AutoConfiguration(after = { AuditAutoConfiguration.class, ObservabilityExecutorAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, ObservabilityExecutor.class })
@ConditionalOnObservabilityEnabled(VantageSecurityProperties.PREFIX)
@EnableConfigurationProperties(VantageSecurityProperties.class)
public final class SecurityMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecurityMetrics securityMetrics(MeterRegistry registry) {
		return new MeterSecurityMetrics(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	BruteForceDetector bruteForceDetector(VantageSecurityProperties properties) {
		VantageSecurityProperties.BruteForce bruteForce = properties.getBruteForce();
		return new BruteForceDetector(bruteForce.getMaxFailures(), bruteForce.getWindow(), bruteForce.getMaxTracked(),
				Clock.systemUTC());
	}

	@Bean
	SecurityAuditFlood securityAuditFlood(ObjectProvider<AuditLogger> audit, VantageSecurityProperties properties,
			MeterRegistry registry, ObservabilityExecutor executor) {
		return new SecurityAuditFlood(audit.getIfAvailable(AuditLogger::discarding), properties.getAuditFlood(),
				properties.getBruteForce().getMaxTracked(), registry, executor);
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityEventRecorder securityEventRecorder(SecurityMetrics metrics, BruteForceDetector bruteForce,
			SecurityAuditFlood flood, VantageSecurityProperties properties) {
		return new SecurityEventRecorder(metrics, bruteForce, flood.gate(),
				properties.getAuthenticationSuccessAuditInterval(), properties.getBruteForce().getMaxTracked(),
				Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AbstractAuthenticationEvent.class, WebAuthenticationDetails.class })
	static class SpringSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpringSecurityEventsBridge springSecurityEventsBridge(SecurityEventRecorder recorder,
				ObjectProvider<ObserverFailures> failures) {
			return new SpringSecurityEventsBridge(recorder, failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

	/**
	 * Denials from Spring Security's authorization observations, on a servlet stack, in
	 * method security and in applications without a web server.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AuthorizationObservationContext.class, ObservationHandler.class })
	@Conditional(NotReactive.class)
	static class SecurityObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "securityObservationHandler")
		ObservationHandler<Observation.Context> securityObservationHandler(SecurityEventRecorder recorder,
				ObjectProvider<ObserverFailures> failures) {
			return new SecurityObservationHandler(recorder, failures.getIfAvailable(ObserverFailures::logOnly), false,
					Runnable::run);
		}

	}

	/**
	 * Reactive Spring Security publishes no events, but observes authentications and
	 * authorizations: both come from its observations, recorded off the event loop.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ AuthenticationObservationContext.class, ObservationHandler.class, WebFilter.class })
	static class ReactiveSecurityObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "securityObservationHandler")
		ObservationHandler<Observation.Context> securityObservationHandler(SecurityEventRecorder recorder,
				ObjectProvider<ObserverFailures> failures) {
			return new SecurityObservationHandler(recorder, failures.getIfAvailable(ObserverFailures::logOnly), true,
					(recording) -> OffEventLoop.record(recording).subscribe());
		}

	}

	static final class NotReactive extends NoneNestedConditions {

		NotReactive() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnWebApplication(type = Type.REACTIVE)
		static class Reactive {

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ HttpServletRequest.class, OncePerRequestFilter.class })
	@ConditionalOnBooleanProperty(name = VantageSecurityProperties.SuspiciousRequests.ENABLED, matchIfMissing = true)
	static class SuspiciousRequestConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "suspiciousRequestFilter")
		FilterRegistrationBean<SuspiciousRequestFilter> suspiciousRequestFilter(SecurityEventRecorder recorder,
				ObjectProvider<ObserverFailures> failures) {
			FilterRegistrationBean<SuspiciousRequestFilter> registration = new FilterRegistrationBean<>(
					new SuspiciousRequestFilter(new SuspiciousRequestDetector(), recorder,
							failures.getIfAvailable(ObserverFailures::logOnly)));
			// After the tenant filter and before Spring Security, which may reject the request.
			registration.setOrder(FilterOrder.SUSPICIOUS_REQUEST);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(WebFilter.class)
	@ConditionalOnBooleanProperty(name = VantageSecurityProperties.SuspiciousRequests.ENABLED, matchIfMissing = true)
	static class ReactiveSuspiciousRequestConfiguration {

		@Bean
		@Order(FilterOrder.SUSPICIOUS_REQUEST)
		@ConditionalOnMissingBean(name = "suspiciousRequestWebFilter")
		WebFilter suspiciousRequestWebFilter(SecurityEventRecorder recorder, ObjectProvider<ObserverFailures> failures) {
			return new SuspiciousRequestWebFilter(new SuspiciousRequestDetector(), recorder,
					failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

}
