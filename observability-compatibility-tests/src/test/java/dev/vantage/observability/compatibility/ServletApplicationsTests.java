package dev.vantage.observability.compatibility;

import java.nio.file.Path;

import dev.vantage.observability.compatibility.apps.MethodSecurityWebApplication;
import dev.vantage.observability.compatibility.apps.ServletApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

import static dev.vantage.observability.compatibility.CompatibilityCase.BRAVE;
import static dev.vantage.observability.compatibility.CompatibilityCase.JETTY;
import static dev.vantage.observability.compatibility.CompatibilityCase.LOG4J2;
import static dev.vantage.observability.compatibility.CompatibilityCase.LOGBACK;
import static dev.vantage.observability.compatibility.CompatibilityCase.REDIS;
import static dev.vantage.observability.compatibility.CompatibilityCase.SPRING_SECURITY;
import static dev.vantage.observability.compatibility.CompatibilityCase.TOMCAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC applications as their users configure them keep Boot's answers with Vantage.
 */
class ServletApplicationsTests {

	private static CompatibilityCase plain() {
		return CompatibilityCase.servlet(ServletApplication.class).leaveOut(SPRING_SECURITY);
	}

	@Test
	void applicationWithoutSpringSecurity() throws Exception {
		plain().assertVantageKeepsBootsAnswers();
	}

	@Test
	void applicationRelyingOnBootsDefaultSecurity() throws Exception {
		// No SecurityFilterChain of its own: Boot secures everything but health.
		CompatibilityCase.servlet(ServletApplication.class)
			.args("--spring.security.user.name=user", "--spring.security.user.password=secret")
			.credentials("user", "secret")
			.assertVantageKeepsBootsAnswers();
	}

	@Test
	void separateManagementPortWithItsOwnBasePath() throws Exception {
		ActuatorAnswers answers = plain().args("--management.server.port=0", "--management.server.base-path=/manage")
			.actuatorBasePath("/manage/actuator", "/health", "/health/liveness", "/health/readiness", "/env")
			.assertVantageKeepsBootsAnswers();
		assertThat(answers.answers()).containsEntry("GET management:/manage/actuator/health", "200");
	}

	@Test
	void customBasePathPathMappingAndJmx() throws Exception {
		ActuatorAnswers answers = plain()
			.args("--management.endpoints.web.base-path=/ops", "--management.endpoints.web.path-mapping.health=status",
					"--spring.jmx.enabled=true", "--management.endpoints.jmx.exposure.include=*")
			.actuatorBasePath("/ops", "/status", "/status/liveness", "/status/readiness", "/health", "/env")
			.healthPath("/status")
			.assertVantageKeepsBootsAnswers();
		assertThat(answers.jmxEndpoints()).contains("Health", "Env");
	}

	@Test
	void customHealthGroupsWithAdditionalPaths() throws Exception {
		ActuatorAnswers answers = plain()
			.args("--management.endpoint.health.group.custom.include=diskSpace,ping",
					"--management.endpoint.health.group.custom.additional-path=server:/custom-health",
					"--management.endpoint.health.group.readiness.include=readinessState,db,diskSpace")
			.managementPaths("/actuator/health/custom")
			.serverPaths("/custom-health")
			.assertVantageKeepsBootsAnswers();
		assertThat(answers.answers()).containsEntry("GET management:/actuator/health/readiness", "200");
	}

	@Test
	void probesOnAdditionalPaths() throws Exception {
		ActuatorAnswers answers = plain().args("--management.endpoint.health.probes.add-additional-paths=true")
			.serverPaths("/livez", "/readyz")
			.assertVantageKeepsBootsAnswers();
		assertThat(answers.answers().get("GET server:/readyz")).startsWith("200");
	}

	@Test
	void readinessGroupIncludingBootsDbRedisAndDiskSpaceComponents() throws Exception {
		RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(FreePort.next()).build();
		redis.start();
		try {
			ActuatorAnswers answers = plain().keep(REDIS)
				.args("--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.ports().get(0),
						"--management.endpoint.health.group.readiness.include=readinessState,db,redis,diskSpace")
				.assertVantageKeepsBootsAnswers();
			assertThat(answers.healthComponents()).contains("db", "redis", "diskSpace");
			assertThat(answers.answers()).containsEntry("GET management:/actuator/health/readiness", "200");
		}
		finally {
			redis.stop();
		}
	}

	@Test
	void methodSecurityWithAFilterChainOfDispatcherTypeMatchers() throws Exception {
		ActuatorAnswers answers = CompatibilityCase.servlet(MethodSecurityWebApplication.class)
			.credentials("user", "password")
			.serverPaths("/admin")
			.assertVantageKeepsBootsAnswers();
		assertThat(answers.answers()).containsEntry("GET server:/admin", "403");
	}

	@Test
	void jettyInsteadOfTomcat() throws Exception {
		plain().leaveOut(TOMCAT).keep(JETTY).assertVantageKeepsBootsAnswers();
	}

	@Test
	void log4j2InsteadOfLogback() throws Exception {
		plain().leaveOut(LOGBACK).keep(LOG4J2).assertVantageKeepsBootsAnswers();
	}

	@Test
	void braveInsteadOfOpenTelemetryTracing() throws Exception {
		plain().keep(BRAVE).args("--management.tracing.sampling.probability=1.0").assertVantageKeepsBootsAnswers();
	}

	@Test
	void virtualThreads() throws Exception {
		plain().args("--spring.threads.virtual.enabled=true").assertVantageKeepsBootsAnswers();
	}

	@Test
	void auditLogSwitchedOffOpensNoAuditFile(@TempDir Path directory) throws Exception {
		Path auditFile = directory.resolve("logs/audit.json");
		plain().args("--observability.audit.enabled=false", "--observability.audit.file=" + auditFile)
			.assertVantageKeepsBootsAnswers();
		assertThat(auditFile.getParent()).doesNotExist();
	}

	@Test
	void lazyInitialization() throws Exception {
		plain().args("--spring.main.lazy-initialization=true").assertVantageKeepsBootsAnswers();
	}

}
