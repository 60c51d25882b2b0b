package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import static org.awaitility.Awaitility.await;

/**
 * Traces in a real trace store, both web stacks: the test services of {@link OutsideInSuite}
 * with Boot's Zipkin exporter, and a real Zipkin server. The trace id of a Prometheus exemplar,
 * of a JSON log line and of an audit event each find their trace in Zipkin, with the server
 * span, its route and its tenant; a request that runs SQL has a child span per statement,
 * with the statement masked. Tagged {@code trace-store}: it runs on the main build only.
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

	/** The span tag holding a statement's text ({@code jdbc.query[0]}, {@code r2dbc.query[0]}). */
	protected abstract String statementTag();

	private Service launchTraced() {
		return launch("--spring.application.name=" + SERVICE, "--management.tracing.sampling.probability=1.0",
				"--management.tracing.export.zipkin.endpoint=" + zipkin.spansEndpoint(),
				"--management.zipkin.tracing.endpoint=" + zipkin.spansEndpoint(),
				"--observability.audit.file=" + this.logs.resolve("audit.json"));
	}

	@Test
	void exemplarLogLineAndAuditEventFindTheirTracesInZipkin(CapturedOutput output) throws IOException {
		try (Service app = launchTraced()) {
			Http http = app.http();
			http.get("/log?text=marker-trace-store", "X-Tenant-Id", "acme");
			String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8));
			assertThat(http.get("/admin/settings", "Authorization", wrong).statusCode()).isEqualTo(401);

			String fromExemplar = exemplarTraceId(http, "/log", "200");
			JsonNode line = JsonLines.parse(JsonLines.linesContaining(output.getOut(), "request says marker-trace-store").get(0));
			assertThat(line.path("traceId").asString()).as("the log line's trace").isEqualTo(fromExemplar);

			JsonNode server = serverSpan(fromExemplar);
			assertThat(server.path("localEndpoint").path("serviceName").asString()).isEqualTo(SERVICE);
			assertThat(server.path("tags").path("uri").asString()).isEqualTo("/log");
			assertThat(server.path("tags").path("tenant").asString()).isEqualTo("acme");

			await("the audit event of the failed login").atMost(Duration.ofSeconds(10))
				.until(() -> auditTraceId() != null);
			assertThat(serverSpan(auditTraceId()).path("tags").path("uri").asString()).isNotBlank();
		}
	}

	@Test
	void eachStatementIsAChildSpanWithItsLiteralsMaskedAndItsErrorMarked() {
		try (Service app = launchTraced()) {
			Http http = app.http();
			assertThat(http.get("/sql?statement=" + URLEncoder.encode("select 'secret-literal' as label, 42 as answer", StandardCharsets.UTF_8))
				.body()).contains("secret-literal");
			assertThat(http.get("/sql?statement=" + URLEncoder.encode("select * from no_such_table where id = 7", StandardCharsets.UTF_8))
				.statusCode()).isEqualTo(500);
			Scrape scrape = http.scrape();
			assertThat(scrape.sum("db_query_seconds_count", "operation", "select")).isEqualTo(2);
			assertThat(scrape.text()).as("statement timers of the span observations")
				.doesNotContain("jdbc_query")
				.doesNotContain("r2dbc_query");

			JsonNode ok = statementSpan(exemplarTraceId(http, "/sql", "200"));
			assertThat(ok.path("tags").path(statementTag()).asString()).isEqualTo("select ? as label, ? as answer");
			assertThat(ok.path("tags").path("db.operation.name").asString()).isEqualTo("select");
			assertThat(ok.path("tags").has("error")).isFalse();
			assertThat(ok.toString()).doesNotContain("secret-literal");

			JsonNode failed = statementSpan(exemplarTraceId(http, "/sql", "500"));
			assertThat(failed.path("tags").path(statementTag()).asString())
				.isEqualTo("select * from no_such_table where id = ?");
			assertThat(failed.path("tags").path("error").asString()).isNotBlank();
		}
	}

	@Test
	void secretsInAnExceptionMessageLeaveNeitherInSpansNorInConsoleLines(CapturedOutput output) {
		String message = SecretCorpus.ENTRIES.stream().map(SecretCorpus.Entry::input).collect(Collectors.joining("\n"));
		try (Service app = launchTraced()) {
			Http http = app.http();
			assertThat(http.send("POST", "/errors/secret", message.getBytes(StandardCharsets.UTF_8), "Content-Type",
					"text/plain;charset=UTF-8").statusCode()).isEqualTo(500);
			String traceId = exemplarTraceId(http, "/errors/secret", "500");
			serverSpan(traceId);
			await("the spans of trace " + traceId + " with the exception").atMost(Duration.ofSeconds(30))
				.until(() -> zipkin.trace(traceId).toString().contains("IllegalStateException"));
			String spans = zipkin.trace(traceId).toString();
			String console = output.getOut();
			assertThat(spans).contains("****");
			for (SecretCorpus.Entry entry : SecretCorpus.ENTRIES) {
				for (String secret : entry.secrets()) {
					assertThat(spans).as("spans of the failed request").doesNotContain(secret);
					assertThat(console).as("console lines").doesNotContain(secret);
				}
			}
		}
	}

	/**
	 * The trace id of the exemplar on one route and status of {@code http_server_requests}. The
	 * server observation stops once the response is written (on WebFlux after the client has read
	 * it), so the first scrape can come before the request is recorded.
	 */
	private static String exemplarTraceId(Http http, String uri, String status) {
		return await("an exemplar with a trace id on uri=" + uri + ", status=" + status).atMost(Duration.ofSeconds(10))
			.until(() -> http.scrapeOpenMetrics()
				.samples("http_server_requests_seconds_bucket")
				.stream()
				.filter((sample) -> uri.equals(sample.labels().get("uri")) && status.equals(sample.labels().get("status")))
				.map((sample) -> TRACE_ID.matcher(sample.exemplar()))
				.filter(Matcher::find)
				.map((matcher) -> matcher.group(1))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/** The statement span of a trace, checked to be a client span and a child of its server span. */
	private JsonNode statementSpan(String traceId) {
		JsonNode server = serverSpan(traceId);
		await("a statement span in trace " + traceId).atMost(Duration.ofSeconds(30))
			.until(() -> zipkin.trace(traceId).stream().anyMatch((span) -> span.path("tags").has(statementTag())));
		List<JsonNode> spans = zipkin.trace(traceId);
		JsonNode statement = spans.stream().filter((span) -> span.path("tags").has(statementTag())).findFirst().orElseThrow();
		assertThat(statement.path("kind").asString()).isEqualTo("CLIENT");
		// The statement's parent is the server span or a span under it (Spring Security's, say).
		assertThat(ancestors(spans, statement)).contains(server.path("id").asString());
		return statement;
	}

	private static List<String> ancestors(List<JsonNode> spans, JsonNode span) {
		List<String> ids = new ArrayList<>();
		String parent = span.path("parentId").asString();
		while (!parent.isEmpty() && !ids.contains(parent)) {
			ids.add(parent);
			String current = parent;
			parent = spans.stream()
				.filter((candidate) -> current.equals(candidate.path("id").asString()))
				.map((candidate) -> candidate.path("parentId").asString())
				.findFirst()
				.orElse("");
		}
		return ids;
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
		await("trace " + traceId + " in Zipkin").atMost(Duration.ofSeconds(30))
			.until(() -> zipkin.trace(traceId).stream().anyMatch((span) -> "SERVER".equals(span.path("kind").asString())));
		return zipkin.trace(traceId)
			.stream()
			.filter((span) -> "SERVER".equals(span.path("kind").asString()))
			.findFirst()
			.orElseThrow();
	}

}
