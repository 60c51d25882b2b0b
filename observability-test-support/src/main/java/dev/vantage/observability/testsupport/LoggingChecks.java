package dev.vantage.observability.testsupport;

import java.time.Duration;
import java.util.List;

import dev.vantage.observability.testsupport.OutsideInSuite.Service;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outside-in checks, part of {@link OutsideInSuite}: Log lines with trace and tenant, hostile log text, the bounded tenant timer and the statement timers.
 */
public interface LoggingChecks extends OutsideInService {

	@Test
	default void tenantTimerPerTenantIsBoundedByTheGuard() {
		try (Service app = start("--observability.cardinality.max-tag-values=3")) {
			Http http = app.http();
			for (int i = 0; i < 6; i++) {
				assertThat(http.get("/orders/" + i, "X-Tenant-Id", "shop-" + i).statusCode()).isEqualTo(200);
			}
			assertThat(http.get("/orders/missing", "X-Tenant-Id", "shop-0").statusCode()).isEqualTo(404);
			// WebFlux records the timer when the exchange completes, which can be after the client
			// has read the response.
			await("the 404 under its tenant").atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(http.scrape()
					.sum("http_server_tenant_requests_seconds_count", "tenant", "shop-0", "outcome", "CLIENT_ERROR"))
					.isEqualTo(1));
			Scrape scrape = http.scrape();
			assertThat(scrape.labelValues("http_server_tenant_requests_seconds_count", "tenant"))
				.containsExactlyInAnyOrder("shop-0", "shop-1", "shop-2", "other");
			assertThat(scrape.sum("observability_cardinality_overflow_total", "meter", "http.server.tenant.requests"))
				.isPositive();
			assertThat(scrape.has("http_server_requests_seconds_bucket", "uri", "/orders/{id}", "le", "0.3")).isTrue();
		}
	}

	@Test
	default void logLinesCarryTraceAndTenant(CapturedOutput output) {
		try (Service app = start()) {
			String thread = app.http()
				.get("/log?text=marker-outside-in", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01",
						"X-Tenant-Id", "acme")
				.body();
			assertLoggingThread(thread);
			List<String> lines = JsonLines.linesContaining(output.getOut(), "request says marker-outside-in");
			assertThat(lines).hasSize(1);
			JsonNode line = JsonLines.parse(lines.get(0));
			assertThat(line.path("thread_name").asString()).isEqualTo(thread);
			assertThat(line.path("traceId").asString()).isEqualTo(TRACE_ID);
			assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
			assertThat(line.path("tenant").asString()).isEqualTo("acme");
			assertThat(line.path("service").asString()).isEqualTo(SERVICE);
		}
	}

	@Test
	default void hostileTextInALogLineCannotForgeALine(CapturedOutput output) {
		try (Service app = start()) {
			app.http().get("/log?text=marker-forge%0D%0A%7B%22level%22%3A%22ERROR%22%7D%E2%80%A8end");
			List<String> lines = JsonLines.linesContaining(output.getOut(), "marker-forge");
			assertThat(lines).hasSize(1);
			assertThat(JsonLines.parse(lines.get(0)).path("message").asString())
				.isEqualTo("request says marker-forge\r\n{\"level\":\"ERROR\"}\u2028end");
		}
	}

	@Test
	default void statementsAreTimedByOperationAndSlowOnesLoggedWithTheTraceId(CapturedOutput output) {
		try (Service app = start("--observability.db.slow-query-threshold=1ns")) {
			Http http = app.http();
			assertThat(http.get("/sql?statement=create%20table%20item%20(id%20int)").statusCode()).isEqualTo(200);
			assertThat(http.get("/sql?statement=insert%20into%20item%20values%20(42)").statusCode()).isEqualTo(200);
			assertThat(http.get("/sql?statement=select%20id%20from%20item%20where%20id%20%3D%2042", "traceparent",
					"00-" + TRACE_ID + "-00f067aa0ba902b7-01").body()).isEqualTo("[42]");
			assertThat(http.get("/sql?statement=select%20*%20from%20missing").statusCode()).isEqualTo(500);
			Scrape scrape = http.scrape();
			assertThat(scrape.sum("db_query_seconds_count", "datasource", database(), "operation", "select", "outcome",
					"success")).isEqualTo(1);
			assertThat(scrape.sum("db_query_seconds_count", "operation", "insert")).isEqualTo(1);
			assertThat(scrape.sum("db_query_seconds_count", "operation", "select", "outcome", "error")).isEqualTo(1);
			assertThat(scrape.has("db_query_seconds_bucket", "datasource", database(), "le", "0.05")).isTrue();
			assertThat(scrape.sum("db_query_slow_total", "datasource", database(), "operation", "select"))
				.isGreaterThanOrEqualTo(1);
			List<String> slow = JsonLines.linesContaining(output.getOut(), "select id from item where id = ?");
			assertThat(slow).as("the slow statement, its literal masked").hasSize(1);
			JsonNode line = JsonLines.parse(slow.get(0));
			assertThat(line.path("logger_name").asString()).isEqualTo("dev.vantage.observability.db.SlowQuery");
			assertThat(line.path("traceId").asString()).isEqualTo(TRACE_ID);
			assertThat(line.path("datasource").asString()).isEqualTo(database());
		}
	}

}
