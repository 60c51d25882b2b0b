package dev.vantage.observability.reactive;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import dev.vantage.observability.testsupport.HangingServer;
import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.JsonLines;
import dev.vantage.observability.testsupport.Scrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux service on Netty with the starter and no Vantage code, checked from outside as
 * the servlet service is: tenant meter and its bound, trace and tenant in log lines written
 * on other Reactor threads, suspicious requests, HTTP buckets.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveServiceTests extends ReactiveAppTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";


	@Test
	void tenantTimerPerTenantIsBoundedByTheGuard() {
		try (ReactiveApp app = start("--observability.cardinality.max-tag-values=3")) {
			Http http = app.http();
			for (int i = 0; i < 6; i++) {
				assertThat(http.get("/orders/" + i, "X-Tenant-Id", "shop-" + i).statusCode()).isEqualTo(200);
			}
			assertThat(http.get("/orders/missing", "X-Tenant-Id", "shop-0").statusCode()).isEqualTo(404);
			Scrape scrape = http.scrape();
			assertThat(scrape.labelValues("http_server_tenant_requests_seconds_count", "tenant"))
				.containsExactlyInAnyOrder("shop-0", "shop-1", "shop-2", "other");
			assertThat(scrape.sum("http_server_tenant_requests_seconds_count", "tenant", "shop-0", "outcome",
					"CLIENT_ERROR")).isEqualTo(1);
			assertThat(scrape.sum("observability_cardinality_overflow_total", "meter", "http.server.tenant.requests"))
				.isPositive();
			assertThat(scrape.has("http_server_requests_seconds_bucket", "uri", "/orders/{id}", "le", "0.3")).isTrue();
		}
	}

	@Test
	void logLinesOnOtherReactorThreadsCarryTraceAndTenant(CapturedOutput output) {
		try (ReactiveApp app = start()) {
			String thread = app.http()
				.get("/log?text=marker-reactive", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01",
						"X-Tenant-Id", "acme")
				.body();
			assertThat(thread).startsWith("parallel-");
			List<String> lines = JsonLines.linesContaining(output.getOut(), "request says marker-reactive");
			assertThat(lines).hasSize(1);
			JsonNode line = JsonLines.parse(lines.get(0));
			assertThat(line.path("thread_name").asString()).isEqualTo(thread);
			assertThat(line.path("traceId").asString()).isEqualTo(TRACE_ID);
			assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
			assertThat(line.path("tenant").asString()).isEqualTo("acme");
			assertThat(line.path("service").asString()).isEqualTo("reactive-shop");
		}
	}

	@Test
	void hostileTextInALogLineOnAReactorThreadCannotForgeALine(CapturedOutput output) {
		try (ReactiveApp app = start()) {
			app.http().get("/log?text=marker-forge%0D%0A%7B%22level%22%3A%22ERROR%22%7D%E2%80%A8end");
			List<String> lines = JsonLines.linesContaining(output.getOut(), "marker-forge");
			assertThat(lines).hasSize(1);
			assertThat(JsonLines.parse(lines.get(0)).path("message").asString())
				.isEqualTo("request says marker-forge\r\n{\"level\":\"ERROR\"}\u2028end");
		}
	}

	@Test
	void onlyHealthInfoAndPrometheusAreExposed() {
		try (ReactiveApp app = start()) {
			Http http = app.http();
			for (String endpoint : List.of("env", "heapdump", "threaddump", "configprops", "loggers", "beans",
					"mappings", "shutdown")) {
				assertThat(http.get("/actuator/" + endpoint).statusCode()).as(endpoint).isEqualTo(404);
			}
			assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void suspiciousRequestsAreCountedAndAuditedAndStillServed() throws IOException {
		try (ReactiveApp app = start()) {
			Http http = app.http();
			assertThat(http.get("/log?text=x&q=%27%20OR%20%271%27%3D%271").statusCode()).isEqualTo(200);
			assertThat(http.get("/log?text=ordinary").statusCode()).isEqualTo(200);
			assertThat(http.scrape().sum("security_suspicious_activity_total", "type", "injection_attempt"))
				.isEqualTo(1);
			List<String> lines = Files.readAllLines(audit());
			assertThat(lines).hasSize(1);
			assertThat(JsonLines.parse(lines.get(0)).path("type").asString()).isEqualTo("security.suspicious_request");
		}
	}

	@Test
	void r2dbcStatementsAreTimedByOperationAndSlowOnesLoggedWithTheTraceId(CapturedOutput output) {
		try (ReactiveApp app = start("--observability.db.slow-query-threshold=1ns")) {
			Http http = app.http();
			assertThat(http.get("/sql?statement=create%20table%20item%20(id%20int)").statusCode()).isEqualTo(200);
			assertThat(http.get("/sql?statement=insert%20into%20item%20values%20(42)").statusCode()).isEqualTo(200);
			assertThat(http.get("/sql?statement=select%20id%20from%20item%20where%20id%20%3D%2042", "traceparent",
					"00-" + TRACE_ID + "-00f067aa0ba902b7-01").body()).isEqualTo("[42]");
			assertThat(http.get("/sql?statement=select%20*%20from%20missing").statusCode()).isEqualTo(500);
			Scrape scrape = http.scrape();
			assertThat(scrape.sum("db_query_seconds_count", "datasource", "connectionFactory", "operation", "select",
					"outcome", "success")).isEqualTo(1);
			assertThat(scrape.sum("db_query_seconds_count", "operation", "insert")).isEqualTo(1);
			assertThat(scrape.sum("db_query_seconds_count", "operation", "select", "outcome", "error")).isEqualTo(1);
			assertThat(scrape.has("db_query_seconds_bucket", "datasource", "connectionFactory", "le", "0.05")).isTrue();
			List<String> slow = JsonLines.linesContaining(output.getOut(), "select id from item where id = ?");
			assertThat(slow).as("the slow statement, its literal masked").hasSize(1);
			JsonNode line = JsonLines.parse(slow.get(0));
			assertThat(line.path("logger_name").asString()).isEqualTo("dev.vantage.observability.db.SlowQuery");
			assertThat(line.path("traceId").asString()).isEqualTo(TRACE_ID);
			assertThat(line.path("datasource").asString()).isEqualTo("connectionFactory");
			String health = JsonLines.parse(http.get("/actuator/health", "Authorization", "x").body()).toString();
			assertThat(health).doesNotContain("\"r2dbc\"");
		}
	}

	@Test
	void healthWithTwoHangingDependenciesAnswersWithinTheTimeout() throws IOException {
		try (HangingServer payments = new HangingServer(); HangingServer search = new HangingServer();
				ReactiveApp app = start("--observability.health.timeout=1s",
						"--observability.health.http.payments.url=" + payments.url(),
						"--observability.health.http.search.url=" + search.url(),
						"--management.endpoint.health.show-details=always")) {
			Http http = app.http();
			long start = System.nanoTime();
			String body = http.get("/actuator/health").body();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1250));
			JsonNode dependencies = JsonLines.parse(body).path("components").path("dependencies").path("components");
			for (String name : List.of("payments", "search")) {
				assertThat(dependencies.path(name).path("status").asString()).as(name).isEqualTo("DOWN");
				assertThat(dependencies.path(name).path("details").path("error").asString()).as(name)
					.contains("timed out");
				assertThat(dependencies.path(name).path("details").path("url").asString()).doesNotContain("s3cret");
			}
			assertThat(dependencies.path("connectionFactory").path("status").asString()).isEqualTo("UP");
			assertThat(JsonLines.parse(body).path("components").has("r2dbc")).as("Boot's own r2dbc indicator").isFalse();
			assertThat(http.scrape().sum("dependency_up", "dependency", "payments")).isZero();
		}
	}

	@Test
	void blockingCallsFromVantageOnAnEventLoopAreCaught() {
		try (ReactiveApp app = start()) {
			String thread = app.http().get("/audit-on-event-loop").body();
			assertThat(thread).as("a non-blocking thread").matches("(reactor-http-|parallel-).*");
			assertThat(VantageBlockingCalls.drain()).isNotEmpty()
				.anySatisfy((call) -> assertThat(call).contains("dev.vantage.observability.audit"));
		}
	}

}
