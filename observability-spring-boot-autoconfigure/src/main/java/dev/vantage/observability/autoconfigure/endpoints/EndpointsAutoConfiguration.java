package dev.vantage.observability.autoconfigure.endpoints;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.support.ObserverFailures;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
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
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * Auto-configuration of the startup check that warns about (or, on request, refuses)
 * sensitive actuator endpoints anyone can reach over HTTP. Where Spring Security is set up,
 * it answers for each endpoint itself (on servlet through its privilege evaluator, on
 * WebFlux by running an in-memory anonymous exchange through its filter chains); without
 * Spring Security every exposed endpoint is open.
 */
@AutoConfiguration(afterName = "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnClass({ PathMappedEndpoints.class, ManagementServerProperties.class })
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(VantageEndpointsProperties.class)
public final class EndpointsAutoConfiguration {

	@Bean
	static InsecureExposureCheck insecureExposureCheck(Environment environment,
			ObjectProvider<PathMappedEndpoints> endpoints, ObjectProvider<ManagementServerProperties> managementServer,
			ObjectProvider<AnonymousAccess> security, ObjectProvider<VantageEndpointsProperties> properties,
			ObjectProvider<ObserverFailures> failures) {
		// Without Spring Security on the classpath nothing is protected.
		AnonymousAccess access = security.getIfAvailable(() -> (path) -> true);
		VantageEndpointsProperties settings = properties.getIfAvailable();
		return new InsecureExposureCheck(environment, endpoints, managementServer, access,
				failures.getIfAvailable(ObserverFailures::logOnly),
				settings != null && settings.isFailOnInsecureExposure());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(WebInvocationPrivilegeEvaluator.class)
	static class ServletSecurityConfiguration {

		@Bean
		static AnonymousAccess vantageAnonymousAccess(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
			Authentication anonymous = new AnonymousAuthenticationToken("vantage", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
			// Without a filter chain (Spring Security on the classpath but not set up) nothing is protected.
			return (path) -> {
				WebInvocationPrivilegeEvaluator available = evaluator.getIfAvailable();
				return available == null || available.isAllowed(path, anonymous);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ WebFilterChainProxy.class, reactor.core.publisher.Mono.class })
	static class ReactiveSecurityConfiguration {

		@Bean
		static AnonymousAccess vantageAnonymousAccess(ObjectProvider<WebFilterChainProxy> security) {
			return (path) -> {
				WebFilterChainProxy available = security.getIfAvailable();
				return available == null || new AnonymousExchange(available).allows(path);
			};
		}

	}

}
