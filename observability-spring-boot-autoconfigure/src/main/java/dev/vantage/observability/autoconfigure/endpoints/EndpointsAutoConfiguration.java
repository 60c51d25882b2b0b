package dev.vantage.observability.autoconfigure.endpoints;

import java.util.function.Predicate;

import dev.vantage.observability.autoconfigure.ConditionalOnObservabilityEnabled;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Auto-configuration of the startup check that warns about (or, on request, refuses)
 * sensitive actuator endpoints anyone can reach over HTTP. On servlet applications with
 * Spring Security, Spring Security itself answers whether an anonymous caller may reach each
 * endpoint; without Spring Security every exposed endpoint is open.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(EndpointsProperties.class)
public final class EndpointsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebInvocationPrivilegeEvaluator.class)
	static class SpringSecurityExposureConfiguration {

		@Bean
		static InsecureExposureCheck insecureExposureCheck(Environment environment,
				ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator, ObjectProvider<EndpointsProperties> properties) {
			Authentication anonymous = new AnonymousAuthenticationToken("vantage", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
			// Without a filter chain (Spring Security on the classpath but not set up) nothing is protected.
			Predicate<String> open = (path) -> {
				WebInvocationPrivilegeEvaluator available = evaluator.getIfAvailable();
				return available == null || available.isAllowed(path, anonymous);
			};
			return new InsecureExposureCheck(environment, open, failOnInsecureExposure(properties));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.web.access.WebInvocationPrivilegeEvaluator")
	static class NoSpringSecurityExposureConfiguration {

		@Bean
		static InsecureExposureCheck insecureExposureCheck(Environment environment,
				ObjectProvider<EndpointsProperties> properties) {
			return new InsecureExposureCheck(environment, (path) -> true, failOnInsecureExposure(properties));
		}

	}

	private static boolean failOnInsecureExposure(ObjectProvider<EndpointsProperties> properties) {
		EndpointsProperties endpoints = properties.getIfAvailable();
		return endpoints != null && endpoints.isFailOnInsecureExposure();
	}

}
