package dev.vantage.observability.autoconfigure.http;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.tenant.TenantAutoConfiguration;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.http.TenantRequestMetrics;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Auto-configuration of HTTP meters: the per-tenant {@code http.server.tenant.requests}
 * and the properties of the SLO buckets on {@code http.server.requests} and
 * {@code http.client.requests}, which Boot's own
 * {@code management.metrics.distribution.slo.*} applies (Vantage defaults it from
 * {@code observability.http.slo}, see {@code HttpDefaults}).
 */
@AutoConfiguration(after = { CardinalityAutoConfiguration.class, TenantAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnObservabilityEnabled(VantageHttpProperties.PREFIX)
@EnableConfigurationProperties(VantageHttpProperties.class)
public final class HttpMetricsAutoConfiguration {

	@Bean
	@ConditionalOnWebApplication
	@ConditionalOnBean({ MeterRegistry.class, CardinalityGuard.class })
	@ConditionalOnMissingBean
	TenantRequestMetrics tenantRequestMetrics(MeterRegistry registry, CardinalityGuard guard) {
		return new TenantRequestMetrics(registry, guard);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ HttpServletRequest.class, ServerRequestObservationContext.class })
	@ConditionalOnBean({ MeterRegistry.class, CardinalityGuard.class })
	static class ServletTenantRequestMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "tenantRequestObservationHandler")
		ObservationHandler<?> tenantRequestObservationHandler(TenantRequestMetrics metrics,
				ObjectProvider<ObserverFailures> failures) {
			return new TenantRequestObservationHandler.Servlet(metrics, failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(org.springframework.http.server.reactive.observation.ServerRequestObservationContext.class)
	@ConditionalOnBean({ MeterRegistry.class, CardinalityGuard.class })
	static class ReactiveTenantRequestMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "tenantRequestObservationHandler")
		ObservationHandler<?> tenantRequestObservationHandler(TenantRequestMetrics metrics,
				ObjectProvider<ObserverFailures> failures) {
			return new TenantRequestObservationHandler.Reactive(metrics, failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

}
