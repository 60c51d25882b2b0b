package dev.vantage.observability.autoconfigure.security;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.support.ObservabilityExecutorAutoConfiguration;
import dev.vantage.observability.security.BruteForceDetector;
import dev.vantage.observability.security.SecurityMetrics;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationObservationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.util.SimpleMethodInvocation;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityMetricsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(MetricsConfigurations.withRegistry(SecurityMetricsAutoConfiguration.class));

	@Test
	void springSecurityFailuresAreCountedWithTheirReason() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SecurityMetrics.class)
				.hasSingleBean(SpringSecurityEventsBridge.class)
				.doesNotHaveBean(AuthorizationEventPublisher.class)
				.hasBean("securityObservationHandler")
				.hasBean("suspiciousRequestFilter");
			context.publishEvent(new AuthenticationFailureBadCredentialsEvent(
					UsernamePasswordAuthenticationToken.unauthenticated("bob", "x"), new BadCredentialsException("no")));
			assertThat(context.getBean(MeterRegistry.class)
				.get(SecurityMetrics.AUTHENTICATION_METER)
				.tags("outcome", "failure", "reason", "bad_credentials")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void denialsComeFromSpringSecuritysAuthorizationObservationsWithTheResource() throws NoSuchMethodException {
		Method payroll = Reports.class.getMethod("payroll");
		MethodInvocation invocation = new SimpleMethodInvocation(new Reports(), payroll);
		// No web application: method security in a service without a web server.
		new ApplicationContextRunner()
			.withConfiguration(MetricsConfigurations.withRegistry(SecurityMetricsAutoConfiguration.class))
			.run((context) -> {
				stop(context, denied(invocation, new TestingAuthenticationToken("alice", "n/a")));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(SecurityMetrics.DENIED_METER).counter().count()).isEqualTo(1);
			});
	}

	@Test
	void aFailureOfTheObservationHandlerIsCountedAndNeverReachesTheApplication() {
		Authentication broken = new TestingAuthenticationToken("alice", "n/a") {

			@Override
			public String getName() {
				throw new IllegalStateException("a principal that cannot name itself");
			}

		};
		this.contextRunner.withConfiguration(AutoConfigurations.of(ObservabilityExecutorAutoConfiguration.class))
			.run((context) -> {
				stop(context, denied(new Object(), broken));
				stop(context, denied(new Object(), broken));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(ObserverFailures.METER)
					.tag("component", "security observation handler")
					.counter()
					.count()).isEqualTo(2);
				assertThat(registry.get(SecurityMetrics.DENIED_METER).counter().count()).isZero();
			});
	}

	@SuppressWarnings("unchecked")
	private static void stop(ApplicationContext context, Observation.Context observation) {
		context.getBean("securityObservationHandler", ObservationHandler.class).onStop(observation);
	}

	private static AuthorizationObservationContext<Object> denied(Object secured, Authentication authentication) {
		AuthorizationObservationContext<Object> context = new AuthorizationObservationContext<>(secured);
		context.setAuthentication(authentication);
		context.setError(new AccessDeniedException("Access Denied"));
		return context;
	}

	public static class Reports {

		public String payroll() {
			return "payroll";
		}

	}

	@Test
	void exceptionsMapToReasons() {
		assertThat(SpringSecurityEventsBridge.reason(new LockedException("x")).name()).isEqualTo("LOCKED");
		assertThat(SpringSecurityEventsBridge.reason(new BadCredentialsException("x")).name())
			.isEqualTo("BAD_CREDENTIALS");
	}

	@Test
	void bridgeBacksOffWithoutSpringSecurityButMetersStay() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(AbstractAuthenticationEvent.class))
			.run((context) -> assertThat(context).hasSingleBean(SecurityMetrics.class)
				.doesNotHaveBean(SpringSecurityEventsBridge.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SecurityMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityMetrics.class));
	}

	@Test
	void userDetectorWins() {
		this.contextRunner.withUserConfiguration(UserDetector.class)
			.run((context) -> assertThat(context).hasSingleBean(BruteForceDetector.class).hasBean("strictDetector"));
	}

	@Test
	void suspiciousRequestFilterCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("observability.security.suspicious-requests.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(SecurityMetrics.class)
				.doesNotHaveBean("suspiciousRequestFilter"));
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.security.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityMetrics.class));
	}

	@Test
	void invalidThresholdFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.security.brute-force.max-failures=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.security.brute-force.max-failures"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserDetector {

		@Bean
		BruteForceDetector strictDetector() {
			return new BruteForceDetector(1, Duration.ofHours(1), 100, Clock.systemUTC());
		}

	}

}
