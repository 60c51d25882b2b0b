package dev.vantage.observability.testsupport;

import java.util.List;

import dev.vantage.observability.testsupport.OutsideInSuite.Service;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Outside-in checks, part of {@link OutsideInSuite}: Closed actuator exposure with and without Spring Security, the warning and failure on sensitive endpoints left open, and the startup summary.
 */
public interface ExposureChecks extends OutsideInService {

	@Test
	default void onlyHealthWithoutDetailsInfoAndPrometheusAreExposed() {
		try (Service app = start()) {
			assertOnlyHealthInfoAndPrometheusAnswer(app.http());
		}
	}

	@Test
	default void withoutSpringSecurityOnlyHealthWithoutDetailsInfoAndPrometheusAreExposed() {
		try (Service app = launchWithoutSpringSecurity()) {
			assertOnlyHealthInfoAndPrometheusAnswer(app.http());
		}
	}

	@Test
	default void withoutSpringSecurityExposedSensitiveEndpointsAreWarnedAbout(CapturedOutput output) {
		try (Service app = launchWithoutSpringSecurity("--management.endpoints.web.exposure.include=*")) {
			// heapdump and shutdown are included but their access is none by default: Boot serves neither.
			assertThat(output).contains("Actuator endpoints [env, configprops, threaddump, loggers, beans, mappings, "
					+ "vantage, slo, errors] are exposed over HTTP");
		}
	}

	@Test
	default void sensitiveEndpointsASecurityChainLeavesOpenAreWarnedAboutAndCanStopStartup(CapturedOutput output) {
		try (Service app = start("--management.endpoints.web.exposure.include=*")) {
			// heapdump and shutdown are included but their access is none by default: Boot serves neither.
			assertThat(output).contains("Actuator endpoints [env, configprops, threaddump, loggers, beans, mappings, "
					+ "vantage, slo, errors] are exposed over HTTP");
		}
		assertThatIllegalStateException()
			.isThrownBy(() -> start("--management.endpoints.web.exposure.include=env,health",
					"--observability.endpoints.fail-on-insecure-exposure=true"))
			.withMessageContaining("[env]")
			.withMessageContaining("observability.endpoints.fail-on-insecure-exposure");
	}

	@Test
	default void sensitiveEndpointsTheSecurityChainProtectsAreQuiet(CapturedOutput output) {
		// The service lets only an admin reach /admin/**: move the actuator there.
		try (Service app = start("--management.endpoints.web.exposure.include=*",
				"--management.endpoints.web.base-path=/admin/actuator",
				"--observability.endpoints.fail-on-insecure-exposure=true")) {
			assertThat(output).doesNotContain("are exposed over HTTP");
			assertThat(app.http().get("/admin/actuator/env").statusCode()).isEqualTo(401);
		}
	}

	@Test
	default void vantageSaysOnceWhatItWiredAndTellsOnlyAnAdminTheDetails(CapturedOutput output) {
		try (Service app = start("--management.endpoints.web.exposure.include=health,prometheus,vantage",
				"--management.endpoints.web.base-path=/admin/actuator")) {
			List<String> summary = JsonLines.linesContaining(output.getOut(), " on Spring Boot ");
			assertThat(summary).singleElement()
				.satisfies((line) -> assertThat(JsonLines.parse(line).path("message").asString()).startsWith("Vantage ")
					.contains(": on ")
					.contains("tenant")
					.contains("http"));
			Http http = app.http();
			assertThat(http.get("/admin/actuator/vantage").statusCode()).isEqualTo(401);
			JsonNode report = JsonLines
				.parse(http.get("/admin/actuator/vantage", "Authorization", OutsideInService.basic("admin", "admin-pass")).body());
			assertThat(report.path("versions").path("vantage").asString()).isNotBlank().isNotEqualTo("unknown");
			assertThat(report.path("versions").path("spring-boot").asString()).startsWith("4.");
			assertThat(report.path("versions").path("micrometer").asString()).matches("\\d+\\.\\d+.*");
			assertThat(report.path("concerns").valueStream()
				.filter((concern) -> concern.path("name").asString().equals("tenant"))
				.map((concern) -> concern.path("state").asString())).containsExactly("ON");
			assertThat(output).doesNotContain("are exposed over HTTP");
		}
	}

	private static void assertOnlyHealthInfoAndPrometheusAnswer(Http http) {
		for (String endpoint : List.of("env", "heapdump", "threaddump", "configprops", "loggers", "beans", "mappings",
				"metrics")) {
			assertThat(http.get("/actuator/" + endpoint).statusCode()).as(endpoint).isIn(401, 404);
		}
		assertThat(http.postJson("/actuator/shutdown", "{}").statusCode()).as("shutdown").isIn(401, 404);
		assertThat(http.get("/actuator/health").body()).contains("\"status\"").doesNotContain("components", "details");
		assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator/info").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator").body()).doesNotContain("/actuator/env", "/actuator/heapdump");
	}

}
