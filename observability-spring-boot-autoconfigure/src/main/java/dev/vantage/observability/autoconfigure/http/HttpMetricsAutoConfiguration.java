package dev.vantage.observability.autoconfigure.http;

import dev.vantage.observability.autoconfigure.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.ObservabilityProperties;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.tenant.TenantAutoConfiguration;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.http.ServiceLevelObjectivesMeterFilter;
import dev.vantage.observability.http.TenantRequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auto-configuration of HTTP meters: SLO buckets on {@code http.server.requests} and
 * {@code http.client.requests} (exemplars and quantiles need buckets) and the per-tenant
 * {@code http.server.tenant.requests}.
 */
@AutoConfiguration(after = { CardinalityAutoConfiguration.class, TenantAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnObservabilityEnabled("http")
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class HttpMetricsAutoConfiguration {

	/** The name of the timer Boot's server observation records. */
	public static final String SERVER_REQUESTS_METER = "http.server.requests";

	/** The name of the timer Boot's client observation records (RestClient, RestTemplate, WebClient). */
	public static final String CLIENT_REQUESTS_METER = "http.client.requests";

	@Bean
	@ConditionalOnMissingBean(name = "httpServerRequestsSloMeterFilter")
	ServiceLevelObjectivesMeterFilter httpServerRequestsSloMeterFilter(ObservabilityProperties properties) {
		return new ServiceLevelObjectivesMeterFilter(SERVER_REQUESTS_METER, properties.getHttp().getSlo());
	}

	@Bean
	@ConditionalOnMissingBean(name = "httpClientRequestsSloMeterFilter")
	ServiceLevelObjectivesMeterFilter httpClientRequestsSloMeterFilter(ObservabilityProperties properties) {
		return new ServiceLevelObjectivesMeterFilter(CLIENT_REQUESTS_METER, properties.getHttp().getSlo());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ HttpServletRequest.class, OncePerRequestFilter.class })
	@ConditionalOnBean({ MeterRegistry.class, CardinalityGuard.class })
	static class TenantRequestMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TenantRequestMetrics tenantRequestMetrics(MeterRegistry registry, CardinalityGuard guard) {
			return new TenantRequestMetrics(registry, guard);
		}

		@Bean
		@ConditionalOnMissingBean(name = "tenantRequestMetricsFilter")
		FilterRegistrationBean<TenantRequestMetricsFilter> tenantRequestMetricsFilter(TenantRequestMetrics metrics) {
			FilterRegistrationBean<TenantRequestMetricsFilter> registration = new FilterRegistrationBean<>(
					new TenantRequestMetricsFilter(metrics));
			// Inside the tenant filter, so the tenant is still current when the request ends.
			registration.setOrder(TenantAutoConfiguration.FILTER_ORDER + 1);
			return registration;
		}

	}

}
