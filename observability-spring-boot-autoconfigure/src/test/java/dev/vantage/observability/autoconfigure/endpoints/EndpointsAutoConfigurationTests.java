package dev.vantage.observability.autoconfigure.endpoints;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthenticatedReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.authorization.AuthorizationWebFilter;
import org.springframework.security.web.server.authorization.DelegatingReactiveAuthorizationManager;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcherEntry;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class EndpointsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointsAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointsAutoConfiguration.class));

	@Test
	void sensitiveEndpointsOpenToAnyoneAreWarnedAboutNamingTheProperty(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=health,env,loggers",
					"management.endpoint.health.show-details=always")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Actuator endpoints [env, loggers] are exposed over HTTP")
					.contains("management.endpoints.web.exposure.include")
					.contains("management.endpoint.health.show-details is 'always'");
			});
	}

	@Test
	void everythingExposedButExcludedCounts(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=*",
					"management.endpoints.web.exposure.exclude=heapdump,shutdown")
			.run((context) -> assertThat(output)
				.contains("Actuator endpoints [env, configprops, threaddump, loggers, beans, mappings, vantage, slo]"));
	}

	@Test
	void failOnInsecureExposureStopsStartup() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=env",
					"observability.endpoints.fail-on-insecure-exposure=true")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("[env]")
				.hasMessageContaining("observability.endpoints.fail-on-insecure-exposure"));
	}

	@Test
	void endpointsSpringSecurityProtectsAreQuiet(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(ProtectedActuator.class)
			.withPropertyValues("management.endpoints.web.exposure.include=*",
					"observability.endpoints.fail-on-insecure-exposure=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("are exposed over HTTP");
			});
	}

	@Test
	void aSecurityChainThatLeavesTheActuatorOpenIsWarnedAbout(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(OpenActuator.class)
			.withPropertyValues("management.endpoints.web.exposure.include=env")
			.run((context) -> assertThat(output).contains("Actuator endpoints [env] are exposed over HTTP"));
	}

	@Test
	void aReactiveChainThatProtectsTheActuatorIsQuiet(CapturedOutput output) {
		this.reactiveContextRunner.withBean(WebFilterChainProxy.class, () -> reactiveChain("/actuator/**"))
			.withPropertyValues("management.endpoints.web.exposure.include=*",
					"observability.endpoints.fail-on-insecure-exposure=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("are exposed over HTTP");
			});
	}

	@Test
	void aReactiveChainThatLeavesTheActuatorOpenIsWarnedAbout(CapturedOutput output) {
		this.reactiveContextRunner.withBean(WebFilterChainProxy.class, () -> reactiveChain("/admin/**"))
			.withPropertyValues("management.endpoints.web.exposure.include=env,beans")
			.run((context) -> assertThat(output).contains("Actuator endpoints [env, beans] are exposed over HTTP"));
	}

	@Test
	void aReactiveApplicationWithoutSpringSecurityIsWarnedAbout(CapturedOutput output) {
		this.reactiveContextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=heapdump")
			.run((context) -> assertThat(output).contains("Actuator endpoints [heapdump] are exposed over HTTP"));
	}

	/** Reactive Spring Security letting only authenticated callers reach the paths this pattern matches. */
	private static WebFilterChainProxy reactiveChain(String protectedPattern) {
		return new WebFilterChainProxy(new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(),
				List.of(new AuthorizationWebFilter(DelegatingReactiveAuthorizationManager.builder()
					.add(new ServerWebExchangeMatcherEntry<>(ServerWebExchangeMatchers.pathMatchers(protectedPattern),
							AuthenticatedReactiveAuthorizationManager.authenticated()))
					.add(new ServerWebExchangeMatcherEntry<>(ServerWebExchangeMatchers.anyExchange(),
							(authentication, exchange) -> Mono.just(new AuthorizationDecision(true))))
					.build()))));
	}

	@Test
	void defaultExposureIsQuiet(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=health,info,prometheus")
			.run((context) -> assertThat(output).doesNotContain("are exposed over HTTP"));
	}

	@Test
	void switchedOffWithVantage() {
		this.contextRunner.withPropertyValues("observability.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InsecureExposureCheck.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ProtectedActuator {

		@Bean
		WebInvocationPrivilegeEvaluator privilegeEvaluator() {
			return new Evaluator((uri) -> !uri.startsWith("/actuator/"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OpenActuator {

		@Bean
		WebInvocationPrivilegeEvaluator privilegeEvaluator() {
			return new Evaluator((uri) -> true);
		}

	}

	/** Spring Security's answer, as a filter chain would give it. */
	private record Evaluator(java.util.function.Predicate<String> allowed) implements WebInvocationPrivilegeEvaluator {

		@Override
		public boolean isAllowed(String uri, Authentication authentication) {
			return this.allowed.test(uri);
		}

		@Override
		public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
			return this.allowed.test(uri);
		}

	}

}
