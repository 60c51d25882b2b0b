package dev.vantage.observability.autoconfigure.rum;

import java.time.Clock;

import dev.vantage.observability.autoconfigure.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.errors.ErrorTrackingAutoConfiguration;
import dev.vantage.observability.autoconfigure.tenant.TenantAutoConfiguration;
import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.rum.RumIntake;
import dev.vantage.observability.rum.RumMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of real-user monitoring: the browser script, the beacon endpoint and
 * the {@code rum.*} meters. Off unless {@code observability.rum.enabled=true}, since the
 * endpoint is public by nature.
 */
@AutoConfiguration(after = { CardinalityAutoConfiguration.class, ErrorTrackingAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, JsonParser.class })
@ConditionalOnWebApplication
@ConditionalOnObservabilityEnabled
@ConditionalOnBooleanProperty(RumProperties.PREFIX + ".enabled")
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(RumProperties.class)
public final class RumAutoConfiguration {

	/** Before Spring Security (-100), after the observation and tenant filters. */
	static final int FILTER_ORDER = TenantAutoConfiguration.FILTER_ORDER + 3;

	private static final Logger logger = LoggerFactory.getLogger(RumAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	RumMetrics rumMetrics(MeterRegistry registry, RumProperties properties) {
		if (properties.getPages().isEmpty()) {
			logger.warn("{}.pages is empty: every page's RUM data is recorded as page=\"{}\"", RumProperties.PREFIX,
					RumMetrics.OTHER);
		}
		return new RumMetrics(registry, properties.getPages());
	}

	@Bean
	@ConditionalOnMissingBean
	RumIntake rumIntake(RumMetrics metrics, RumProperties properties, ObjectProvider<ErrorTracker> errorTracker) {
		return new RumIntake(metrics, properties.getAllowedOrigins(), properties.getMaxBeaconsPerClient(),
				properties.getRateLimitWindow(), properties.getMaxTrackedClients(), Clock.systemUTC(),
				errorTracker.getIfAvailable());
	}

	@Bean
	RumEndpoint rumEndpoint(RumIntake intake, RumProperties properties) {
		return new RumEndpoint(intake, properties, new RumScript(properties.getScriptPath(), properties.getPath()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ HttpServletRequest.class, OncePerRequestFilter.class })
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "rumFilter")
		FilterRegistrationBean<RumFilter> rumFilter(RumEndpoint endpoint) {
			FilterRegistrationBean<RumFilter> registration = new FilterRegistrationBean<>(new RumFilter(endpoint));
			registration.setOrder(FILTER_ORDER);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(WebFilter.class)
	static class ReactiveConfiguration {

		@Bean
		@Order(FILTER_ORDER)
		@ConditionalOnMissingBean(name = "rumWebFilter")
		WebFilter rumWebFilter(RumEndpoint endpoint) {
			return new RumWebFilter(endpoint);
		}

	}

}
