package dev.vantage.observability.compatibility;

import java.util.Set;

import dev.vantage.observability.compatibility.apps.AsyncApplication;
import dev.vantage.observability.compatibility.apps.MethodSecurityCommandLineApplication;
import org.junit.jupiter.api.Test;

import static dev.vantage.observability.compatibility.CompatibilityCase.SPRING_MVC;
import static dev.vantage.observability.compatibility.CompatibilityCase.SPRING_SECURITY;
import static dev.vantage.observability.compatibility.CompatibilityCase.TOMCAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications without a web server: what their own code sees does not change with Vantage.
 */
class NonWebApplicationsTests {

	@Test
	void deniedSecuredMethodThrowsSpringSecuritysExceptionWithoutTheServletApi() throws Exception {
		ActuatorAnswers answers = CompatibilityCase.noWebServer(MethodSecurityCommandLineApplication.class)
			.leaveOut(TOMCAT)
			.leaveOut(SPRING_MVC)
			.leaveOut(Set.of("jakarta.servlet-api"))
			.vantageMeter("security_authorization_denied_total{application=\"case\"} 1.0")
			.assertVantageKeepsBootsAnswers();
		assertThat(answers.answers()).containsEntry("scenario",
				"org.springframework.security.authorization.AuthorizationDeniedException");
	}

	@Test
	void enableAsyncWithoutAnExecutorOfItsOwnRunsOnBootsTaskExecutor() throws Exception {
		ActuatorAnswers answers = CompatibilityCase.noWebServer(AsyncApplication.class)
			.leaveOut(SPRING_SECURITY)
			.vantageMeter("audit_write_failures_total")
			.assertVantageKeepsBootsAnswers();
		assertThat(answers.beanNames()).contains("applicationTaskExecutor");
		assertThat(answers.answers().get("scenario")).startsWith("task-");
	}

}
