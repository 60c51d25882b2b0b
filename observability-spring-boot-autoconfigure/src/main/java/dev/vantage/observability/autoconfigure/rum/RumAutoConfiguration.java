package dev.vantage.observability.autoconfigure.rum;

import java.time.Clock;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.autoconfigure.support.FilterOrder;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.errors.ErrorTrackingAutoConfiguration;
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
import org.springframework.core.env.Environment;
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
@ConditionalOnBooleanProperty(VantageRumProperties.PREFIX + ".enabled")
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(VantageRumProperties.class)
public final class RumAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RumAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	RumMetrics rumMetrics(MeterRegistry registry, VantageRumProperties properties) {
		if (properties.getPages().isEmpty()) {
			logger.warn("{}.pages is empty: every page's RUM data is recorded as page=\"{}\"", VantageRumProperties.PREFIX,
					RumMetrics.OTHER);
		}
		return new RumMetrics(registry, properties.getPages());
	}

	@Bean
	@ConditionalOnMissingBean
	RumIntake rumIntake(RumMetrics metrics, VantageRumProperties properties, ObjectProvider<ErrorTracker> errorTracker) {
		return new RumIntake(metrics, properties.getAllowedOrigins(), properties.getMaxBeaconsPerClient(),
				properties.getRateLimitWindow(), properties.getMaxTrackedClients(), Clock.systemUTC(),
				errorTracker.getIfAvailable());
	}

	@Bean
	RumEndpoint rumEndpoint(RumIntake intake, VantageRumProperties properties, Environment environment) {
		boolean framework = "framework"
			.equalsIgnoreCase(environment.getProperty("server.forward-headers-strategy", "").strip());
		if (framework) {
			logger.warn("server.forward-headers-strategy=framework trusts X-Forwarded-For from any client, so a client "
					+ "can evade the RUM rate limit by sending another address with each beacon (memory stays "
					+ "bounded). Prefer 'native' with the proxies the server trusts");
		}
		return new RumEndpoint(intake, properties, new RumScript(properties.getScriptPath(), properties.getPath()),
				framework);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ HttpServletRequest.class, OncePerRequestFilter.class })
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "rumFilter")
		FilterRegistrationBean<RumFilter> rumFilter(RumEndpoint endpoint) {
			FilterRegistrationBean<RumFilter> registration = new FilterRegistrationBean<>(new RumFilter(endpoint));
			registration.setOrder(FilterOrder.RUM);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(WebFilter.class)
	static class ReactiveConfiguration {

		@Bean
		@Order(FilterOrder.RUM)
		@ConditionalOnMissingBean(name = "rumWebFilter")
		WebFilter rumWebFilter(RumEndpoint endpoint) {
			return new RumWebFilter(endpoint);
		}

	}

}
