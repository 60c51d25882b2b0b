package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.vantage.observability.it.nosecurity.PlainApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The endpoints an anonymous caller can reach, with and without Spring Security on the
 * classpath: only health (without details), info and prometheus.
 */
@ExtendWith(OutputCaptureExtension.class)
class EndpointExposureTests {

	private static final List<String> NEVER_EXPOSED = List.of("env", "heapdump", "threaddump", "configprops", "loggers",
			"beans", "mappings", "metrics");

	@Test
	void withSpringSecurity() throws Exception {
		try (RunningApp app = RunningApp.start()) {
			assertClosed(app.port());
		}
	}

	@Test
	void withoutSpringSecurityOnTheClasspath() throws Exception {
		LoggingSystem.get(getClass().getClassLoader()).cleanUp();
		SpringApplicationBuilder builder = new SpringApplicationBuilder(PlainApplication.class)
			.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security")));
		try (ConfigurableApplicationContext app = builder.run("--server.port=0")) {
			assertThat(app.getBeanNamesForType(org.springframework.security.web.SecurityFilterChain.class)).isEmpty();
			assertClosed(((WebServerApplicationContext) app).getWebServer().getPort());
		}
	}

	@Test
	void sensitiveEndpointsASecurityChainLeavesOpenAreWarnedAboutAndCanStopStartup(CapturedOutput output) {
		try (RunningApp app = RunningApp.start("--management.endpoints.web.exposure.include=*")) {
			assertThat(output).contains("Actuator endpoints [env, configprops, threaddump, heapdump, loggers, beans, "
					+ "mappings, shutdown] are exposed over HTTP");
		}
		assertThatIllegalStateException()
			.isThrownBy(() -> RunningApp.start("--management.endpoints.web.exposure.include=env,health",
					"--observability.endpoints.fail-on-insecure-exposure=true"))
			.withMessageContaining("[env]")
			.withMessageContaining("observability.endpoints.fail-on-insecure-exposure");
	}

	@Test
	void endpointsTheSecurityChainProtectsAreQuiet(CapturedOutput output) {
		// The test application lets only an admin reach /admin/**: move the actuator there.
		try (RunningApp app = RunningApp.start("--management.endpoints.web.exposure.include=*",
				"--management.endpoints.web.base-path=/admin/actuator",
				"--observability.endpoints.fail-on-insecure-exposure=true")) {
			assertThat(output).doesNotContain("are exposed over HTTP");
		}
	}

	private static void assertClosed(int port) throws IOException, InterruptedException {
		Http http = new Http(port);
		for (String endpoint : NEVER_EXPOSED) {
			assertThat(http.get("/actuator/" + endpoint).statusCode()).as(endpoint).isIn(401, 404);
		}
		HttpResponse<String> shutdown = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/shutdown"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(shutdown.statusCode()).as("shutdown").isIn(401, 404);
		HttpResponse<String> health = http.get("/actuator/health");
		assertThat(health.body()).contains("\"status\"").doesNotContain("components", "details");
		assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator/info").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator").body()).doesNotContain("/actuator/env", "/actuator/heapdump");
	}

}
