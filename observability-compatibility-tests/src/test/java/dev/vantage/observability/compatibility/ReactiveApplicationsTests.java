package dev.vantage.observability.compatibility;

import dev.vantage.observability.compatibility.apps.R2dbcApplication;
import dev.vantage.observability.compatibility.apps.ReactiveApplication;
import org.junit.jupiter.api.Test;

import static dev.vantage.observability.compatibility.CompatibilityCase.R2DBC;
import static dev.vantage.observability.compatibility.CompatibilityCase.SPRING_SECURITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WebFlux applications as their users configure them keep Boot's answers with Vantage.
 */
class ReactiveApplicationsTests {

	private static CompatibilityCase plain() {
		return CompatibilityCase.reactive(ReactiveApplication.class).leaveOut(SPRING_SECURITY);
	}

	@Test
	void applicationWithoutSpringSecurity() throws Exception {
		plain().assertVantageKeepsBootsAnswers();
	}

	@Test
	void applicationRelyingOnBootsDefaultSecurity() throws Exception {
		CompatibilityCase.reactive(ReactiveApplication.class)
			.args("--spring.security.user.name=user", "--spring.security.user.password=secret")
			.credentials("user", "secret")
			.assertVantageKeepsBootsAnswers();
	}

	@Test
	void separateManagementPortWithItsOwnBasePath() throws Exception {
		plain().args("--management.server.port=0", "--management.server.base-path=/manage")
			.actuatorBasePath("/manage/actuator", "/health", "/health/liveness", "/health/readiness", "/env")
			.assertVantageKeepsBootsAnswers();
	}

	@Test
	void customBasePathAndPathMapping() throws Exception {
		plain().args("--management.endpoints.web.base-path=/ops", "--management.endpoints.web.path-mapping.health=status")
			.actuatorBasePath("/ops", "/status", "/status/readiness", "/env")
			.healthPath("/status")
			.assertVantageKeepsBootsAnswers();
	}

	@Test
	void probesOnAdditionalPaths() throws Exception {
		plain().args("--management.endpoint.health.probes.add-additional-paths=true")
			.serverPaths("/livez", "/readyz")
			.assertVantageKeepsBootsAnswers();
	}

	@Test
	void r2dbcApplicationBuiltFromBootsPropertiesWithR2dbcInItsReadinessGroup() throws Exception {
		ActuatorAnswers answers = CompatibilityCase.reactive(R2dbcApplication.class)
			.leaveOut(SPRING_SECURITY)
			.keep(R2DBC)
			.args("--spring.r2dbc.url=r2dbc:h2:mem:///compatibility?options=DB_CLOSE_DELAY=-1",
					"--management.endpoint.health.group.readiness.include=readinessState,r2dbc")
			.vantageMeter("db_query_seconds_count{application=\"case\",datasource=\"connectionFactory\"")
			.assertVantageKeepsBootsAnswers();
		assertThat(answers.healthComponents()).contains("r2dbc");
		assertThat(answers.answers()).containsEntry("GET server:/hello", "200 42");
	}

}
