package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.vantage.observability.testsupport.OutsideInSuite.Service;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Outside-in checks, part of {@link OutsideInSuite}: Declared objectives, health with hanging dependencies, and a real Prometheus scraping the service.
 */
public interface ObjectiveAndHealthChecks extends OutsideInService {

	@Test
	default void declaredObjectivesGetExactBucketsLiveStatusAndGeneratedRules() {
		String admin = OutsideInService.basic("admin", "admin-pass");
		try (Service app = start("--management.endpoints.web.exposure.include=health,prometheus,slo",
				"--management.endpoints.web.base-path=/admin/actuator", "--observability.slo.orders.objective=99.5",
				"--observability.slo.orders.routes=/orders/{id}", "--observability.slo.orders-fast.kind=latency",
				"--observability.slo.orders-fast.objective=99", "--observability.slo.orders-fast.threshold=250ms",
				"--observability.slo.orders-fast.routes=/orders/{id}", "--observability.slo.orders-fast.methods=GET")) {
			Http http = app.http();
			for (int i = 0; i < 4; i++) {
				assertThat(http.get("/orders/" + i).statusCode()).isEqualTo(200);
			}
			assertThat(http.get("/orders/missing").statusCode()).isEqualTo(404);
			// 250 ms is no bucket of observability.http.slo: the latency objective made it one.
			Scrape scrape = new Scrape(http.get("/admin/actuator/prometheus", "Authorization", admin).body());
			assertThat(scrape.has("http_server_requests_seconds_bucket", "uri", "/orders/{id}", "le", "0.25")).isTrue();

			assertThat(http.get("/admin/actuator/slo").statusCode()).isEqualTo(401);
			JsonNode status = JsonLines.parse(http.get("/admin/actuator/slo", "Authorization", admin).body());
			assertThat(status.path("application").asString()).isEqualTo(SERVICE);
			assertThat(status.path("scope").asString()).startsWith("process-local");
			JsonNode orders = status.path("objectives").path(0);
			assertThat(orders.path("name").asString()).isEqualTo("orders");
			assertThat(orders.path("events").asLong()).isEqualTo(5);
			assertThat(orders.path("goodEvents").asLong()).as("a 404 is not a failure of the service").isEqualTo(5);
			assertThat(orders.path("sli").asDouble()).isEqualTo(1.0);
			assertThat(orders.path("errorBudgetRemaining").asDouble()).isEqualTo(1.0);
			JsonNode fast = status.path("objectives").path(1);
			assertThat(fast.path("kind").asString()).isEqualTo("latency");
			assertThat(fast.path("thresholdMs").asLong()).isEqualTo(250);
			assertThat(fast.path("events").asLong()).isEqualTo(5);
			assertThat(fast.path("goodEvents").asLong()).isBetween(1L, 5L);

			HttpResponse<String> rules = http.get("/admin/actuator/slo/rules", "Authorization", admin);
			assertThat(rules.statusCode()).isEqualTo(200);
			assertThat(rules.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/yaml"));
			assertThat(rules.body()).contains("- name: slo-orders\n", "- name: slo-orders-fast\n",
					"uri=~\"/orders/\\\\{id\\\\}\"", "le=\"0.25\"", "application=\"" + SERVICE + "\"",
					"alert: SloErrorBudgetBurnFast", "alert: SloErrorBudgetBurnSlow");
			assertThat(http.get("/admin/actuator/slo/sloth", "Authorization", admin).body())
				.contains("version: \"prometheus/v1\"", "name: \"orders-fast\"");
			assertThat(http.get("/admin/actuator/slo/other", "Authorization", admin).statusCode()).isEqualTo(404);
		}
		assertThatException().isThrownBy(() -> start("--observability.slo.orders.objective=100"))
			.satisfies((ex) -> assertThat(rootCause(ex)).hasMessageContaining("observability.slo.orders.objective")
				.hasMessageContaining("below 100"));
	}

	@Test
	default void healthWithTwoHangingDependenciesAnswersWithinTheTimeout() throws IOException {
		try (HangingServer payments = new HangingServer(); HangingServer search = new HangingServer();
				Service app = start("--observability.health.timeout=1s",
						"--observability.health.http.payments.url=" + payments.url(),
						"--observability.health.http.search.url=" + search.url(),
						"--management.endpoint.health.show-details=always")) {
			Http http = app.http();
			long start = System.nanoTime();
			String body = http.get("/actuator/health").body();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1250));
			JsonNode components = JsonLines.parse(body).path("components");
			JsonNode dependencies = components.path("dependencies").path("components");
			for (String name : List.of("payments", "search")) {
				JsonNode dependency = dependencies.path(name);
				assertThat(dependency.path("status").asString()).as(name).isEqualTo("DOWN");
				assertThat(dependency.path("details").path("error").asString()).as(name).contains("timed out");
				assertThat(dependency.path("details").path("latencyMs").asLong()).as(name).isGreaterThanOrEqualTo(1000);
				assertThat(dependency.path("details").path("url").asString()).as("no query, no token")
					.startsWith("http://127.0.0.1:")
					.endsWith("/health");
			}
			assertThat(dependencies.toString()).doesNotContain("s3cret", "Exception", "\tat ");
			assertThat(body).doesNotContain("s3cret");
			assertThat(dependencies.path(database()).path("status").asString()).isEqualTo("UP");
			assertThat(dependencies.path(database()).path("details").has("latencyMs")).isTrue();
			// Boot's own indicator stays beside Vantage's check (the reactive test service builds its
			// connection factory itself, so Boot has no r2dbc indicator there; the compatibility suite
			// shows it on an R2DBC service Boot builds).
			assertThat(components.has("db")).as("Boot's db indicator").isEqualTo("dataSource".equals(database()));
			assertThat(http.scrape().sum("dependency_up", "dependency", "payments")).isZero();
		}
	}

	@Test
	default void realPrometheusKeepsTheTargetUpAndStoresBucketExemplars() {
		try (Service app = start(); PrometheusServer prometheus = PrometheusServer.scraping(app.port())) {
			app.http().get("/orders/7", "traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01");
			JsonNode target = prometheus.scrapedTarget();
			assertThat(target.path("health").asString()).as(target.path("lastError").asString()).isEqualTo("up");
			await("the bucket exemplar of the traced request").atMost(Duration.ofSeconds(20))
				.until(() -> prometheus.exemplars("http_server_requests_seconds_bucket{uri=\"/orders/{id}\"}")
						.toString()
						.contains(TRACE_ID));
			assertThat(prometheus.query("up{job=\"app\"} == 1")).hasSize(1);
		}
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
