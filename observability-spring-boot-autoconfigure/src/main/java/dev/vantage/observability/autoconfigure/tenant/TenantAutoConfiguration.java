package dev.vantage.observability.autoconfigure.tenant;

import dev.vantage.observability.autoconfigure.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.ObservabilityProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auto-configuration of the tenant of each servlet request: a {@link TenantResolver}
 * (request header by default) and the filter that makes the tenant current.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ HttpServletRequest.class, OncePerRequestFilter.class })
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class TenantAutoConfiguration {

	/** Runs right after Boot's observation filter, so the tenant is known to everything else. */
	public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	@Bean
	@ConditionalOnMissingBean
	TenantResolver tenantResolver(ObservabilityProperties properties) {
		return new HeaderTenantResolver(properties.getTenant().getHeader());
	}

	@Bean
	@ConditionalOnMissingBean(name = "tenantContextFilter")
	FilterRegistrationBean<TenantContextFilter> tenantContextFilter(TenantResolver resolver) {
		FilterRegistrationBean<TenantContextFilter> registration = new FilterRegistrationBean<>(
				new TenantContextFilter(resolver));
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

}
