package dev.vantage.observability.autoconfigure.tenant;

import java.util.HashSet;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.support.FilterOrder;
import dev.vantage.observability.tenant.HeaderTenantResolver;
import dev.vantage.observability.support.ObserverFailures;
import dev.vantage.observability.tenant.TenantResolver;
import io.micrometer.observation.ObservationFilter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of the tenant of each request: a {@link TenantResolver} (request
 * header by default), shared by both web stacks, and the filter of each stack that makes
 * the tenant current (the servlet filter, or the WebFlux filter that puts it in the
 * Reactor context).
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(VantageTenantProperties.class)
public final class TenantAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TenantResolver tenantResolver(VantageTenantProperties properties) {
		return new HeaderTenantResolver(properties.getHeader(), new HashSet<>(properties.getAllowed()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ HttpServletRequest.class, OncePerRequestFilter.class })
	static class ServletTenantConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "tenantContextFilter")
		FilterRegistrationBean<TenantContextFilter> tenantContextFilter(TenantResolver resolver) {
			FilterRegistrationBean<TenantContextFilter> registration = new FilterRegistrationBean<>(
					new TenantContextFilter(resolver));
			registration.setOrder(FilterOrder.TENANT);
			return registration;
		}

		@Bean
		@ConditionalOnClass(name = "org.springframework.http.server.observation.ServerRequestObservationContext")
		ObservationFilter vantageTenantSpanTag(ObjectProvider<ObserverFailures> failures) {
			return new TenantSpanTag.Servlet(failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(WebFilter.class)
	static class ReactiveTenantConfiguration {

		@Bean
		@Order(FilterOrder.TENANT)
		@ConditionalOnMissingBean(name = "tenantWebFilter")
		WebFilter tenantWebFilter(TenantResolver resolver) {
			return new TenantWebFilter(resolver);
		}

		@Bean
		@ConditionalOnClass(name = "org.springframework.http.server.reactive.observation.ServerRequestObservationContext")
		ObservationFilter vantageTenantSpanTag(ObjectProvider<ObserverFailures> failures) {
			return new TenantSpanTag.Reactive(failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

}
