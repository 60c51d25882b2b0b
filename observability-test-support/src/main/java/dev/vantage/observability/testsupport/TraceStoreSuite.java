package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.vantage.observability.testsupport.OutsideInSuite.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces in a real trace store, both web stacks: the test services of {@link OutsideInSuite}
 * with Boot's Zipkin exporter, and a real Zipkin server. The trace id of a Prometheus exemplar,
 * of a JSON log line and of an audit event each find their trace in Zipkin, with the server
 * span, its route and its tenant. Tagged {@code trace-store}: it runs on the main build only.
 */
@Tag("trace-store")
@ExtendWith(OutputCaptureExtension.class)
public abstract class TraceStoreSuite {

	private static final Pattern TRACE_ID = Pattern.compile("trace_id=\"([0-9a-f]{32})\"");

	private static final String SERVICE = "trace-store";

	private static ZipkinServer zipkin;

	@TempDir
	protected Path logs;

	@BeforeAll
	static void startZipkin() {
		zipkin = ZipkinServer.start();
	}

	@AfterAll
	static void stopZipkin() {
		zipkin.close();
	}

	/** Starts the service on a free port with these arguments added. */
	protected abstract Service launch(String... args);

	@Test
	void exemplarLogLineAndAuditEventFindTheirTracesInZipkin(CapturedOutput output) throws IOException {
		List<String> args = new ArrayList<>(List.of("--spring.application.name=" + SERVICE,
				"--management.tracing.sampling.probability=1.0",
				"--management.tracing.export.zipkin.endpoint=" + zipkin.spansEndpoint(),
				"--management.zipkin.tracing.endpoint=" + zipkin.spansEndpoint(),
				"--observability.audit.file=" + this.logs.resolve("audit.json")));
		try (Service app = launch(args.toArray(String[]::new))) {
			Http http = app.http();
			http.get("/log?text=marker-trace-store", "X-Tenant-Id", "acme");
			String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8));
			assertThat(http.get("/admin/settings", "Authorization", wrong).statusCode()).isEqualTo(401);

			String fromExemplar = http.scrapeOpenMetrics()
				.samples("http_server_requests_seconds_bucket")
				.stream()
				.filter((sample) -> "/log".equals(sample.labels().get("uri")))
				.map((sample) -> TRACE_ID.matcher(sample.exemplar()))
				.filter(Matcher::find)
				.map((matcher) -> matcher.group(1))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no exemplar with a trace id on uri=/log"));
			JsonNode line = JsonLines.parse(JsonLines.linesContaining(output.getOut(), "request says marker-trace-store").get(0));
			assertThat(line.path("traceId").asString()).as("the log line's trace").isEqualTo(fromExemplar);

			JsonNode server = serverSpan(fromExemplar);
			assertThat(server.path("localEndpoint").path("serviceName").asString()).isEqualTo(SERVICE);
			assertThat(server.path("tags").path("uri").asString()).isEqualTo("/log");
			assertThat(server.path("tags").path("tenant").asString()).isEqualTo("acme");

			Eventually.await(Duration.ofSeconds(10), "the audit event of the failed login",
					() -> auditTraceId() != null);
			assertThat(serverSpan(auditTraceId()).path("tags").path("uri").asString()).isNotBlank();
		}
	}

	private String auditTraceId() {
		try {
			Path audit = this.logs.resolve("audit.json");
			return !Files.exists(audit) ? null : Files.readAllLines(audit)
				.stream()
				.map(JsonLines::parse)
				.filter((event) -> event.path("type").asString().equals("authentication.failure"))
				.map((event) -> event.path("traceId").asString())
				.filter((id) -> !id.isEmpty())
				.findFirst()
				.orElse(null);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static JsonNode serverSpan(String traceId) {
		Eventually.await(Duration.ofSeconds(30), "trace " + traceId + " in Zipkin",
				() -> zipkin.trace(traceId).stream().anyMatch((span) -> "SERVER".equals(span.path("kind").asString())));
		return zipkin.trace(traceId)
			.stream()
			.filter((span) -> "SERVER".equals(span.path("kind").asString()))
			.findFirst()
			.orElseThrow();
	}

}
