package dev.vantage.observability.autoconfigure.endpoints;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.autoconfigure.beans.BeansEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.context.ShutdownEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.management.HeapDumpWebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.management.ThreadDumpEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.mappings.MappingsEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class EndpointsAutoConfigurationTests {

	/** Boot's web endpoints, among them the sensitive ones whose exposure the check looks at. */
	private static final AutoConfigurations ENDPOINTS = AutoConfigurations.of(EndpointAutoConfiguration.class,
			WebEndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
			ConfigurationPropertiesReportEndpointAutoConfiguration.class, ThreadDumpEndpointAutoConfiguration.class,
			HeapDumpWebEndpointAutoConfiguration.class, BeansEndpointAutoConfiguration.class,
			MappingsEndpointAutoConfiguration.class, ShutdownEndpointAutoConfiguration.class,
			EndpointsAutoConfiguration.class);

	/** Boot's Prometheus scrape endpoint, with the registry it renders. */
	private static final AutoConfigurations PROMETHEUS = AutoConfigurations.of(MetricsAutoConfiguration.class,
			PrometheusMetricsExportAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(ENDPOINTS);

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(ENDPOINTS);

	@Test
	void sensitiveEndpointsOpenToAnyoneAreWarnedAboutNamingTheProperty(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=health,env,beans",
					"management.endpoint.health.show-details=always")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Actuator endpoints [env, beans] are exposed over HTTP")
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
				.contains("Actuator endpoints [env, configprops, threaddump, beans, mappings] are exposed"));
	}

	@Test
	void endpointThatDoesNotExistIsNotWarnedAbout(CapturedOutput output) {
		// Exposure names what may be exposed; only an endpoint the application has is open.
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=health,loggers,vantage")
			.run((context) -> assertThat(output).doesNotContain("are exposed over HTTP"));
	}

	@Test
	void endpointWhoseAccessIsNoneIsNotWarnedAbout(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=env,beans",
					"management.endpoint.env.access=NONE")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Actuator endpoints [beans] are exposed over HTTP");
			});
	}

	@Test
	void pathsAskedAboutAreBootsWithPathMappingAndTheManagementServersBasePath(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(RecordingActuator.class, ManagementServer.class)
			.withPropertyValues("management.endpoints.web.exposure.include=env",
					"management.endpoints.web.path-mapping.env=configuration", "management.server.port=18081",
					"management.server.base-path=/manage")
			.run((context) -> {
				assertThat(RecordingActuator.asked).containsExactly("/manage/actuator/configuration");
				assertThat(output).contains("Actuator endpoints [env] are exposed over HTTP");
			});
	}

	@Test
	void noEndpointIsOpenOverHttpWhenTheManagementPortIsDisabled(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=env", "management.server.port=-1",
					"observability.endpoints.fail-on-insecure-exposure=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("are exposed over HTTP");
			});
	}

	@Test
	void securityRuleTheCheckCannotEvaluateOutsideARequestNeverStopsStartup(CapturedOutput output) {
		// A dispatcherTypeMatchers(...) rule asks the stand-in request for its dispatcher type.
		this.contextRunner.withUserConfiguration(UnanswerableActuator.class)
			.withPropertyValues("management.endpoints.web.exposure.include=env,beans")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Vantage's insecure exposure check failed and was skipped")
					.doesNotContain("are exposed over HTTP");
				assertThat(output.toString().split("insecure exposure check failed", -1)).as("logged once").hasSize(2);
			});
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
			.withPropertyValues("management.endpoints.web.exposure.include=threaddump")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Actuator endpoints [threaddump] are exposed over HTTP");
			});
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
	void prometheusOpenToAnyoneOnTheApplicationPortIsWarnedAbout(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withConfiguration(PROMETHEUS)
			.withPropertyValues("management.endpoints.web.exposure.include=health,info,prometheus")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("The prometheus endpoint is reachable without authentication")
					.contains("management.server.port");
			});
	}

	@Test
	void prometheusOnItsOwnManagementPortOrProtectedIsQuiet(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withConfiguration(PROMETHEUS)
			.withUserConfiguration(ManagementServer.class)
			.withPropertyValues("management.endpoints.web.exposure.include=prometheus", "management.server.port=0")
			.run((context) -> assertThat(output).doesNotContain("The prometheus endpoint is reachable"));
		this.contextRunner.withConfiguration(PROMETHEUS)
			.withUserConfiguration(ProtectedActuator.class)
			.withPropertyValues("management.endpoints.web.exposure.include=prometheus")
			.run((context) -> assertThat(output).doesNotContain("The prometheus endpoint is reachable"));
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

	/** What Boot's management context configuration binds; the server itself is not started here. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ManagementServerProperties.class)
	static class ManagementServer {

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingActuator {

		static final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Bean
		WebInvocationPrivilegeEvaluator privilegeEvaluator() {
			asked.clear();
			return new Evaluator((uri) -> asked.add(uri));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnanswerableActuator {

		@Bean
		WebInvocationPrivilegeEvaluator privilegeEvaluator() {
			return new Evaluator((uri) -> {
				throw new UnsupportedOperationException("public abstract jakarta.servlet.DispatcherType "
						+ "jakarta.servlet.ServletRequest.getDispatcherType() is not supported");
			});
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
