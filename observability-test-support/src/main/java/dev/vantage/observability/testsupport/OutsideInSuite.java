package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The outside-in checks every supported web stack passes word for word: one suite, run
 * against the servlet test service and against the reactive one. Each of them has no Vantage
 * code and serves the same routes:
 * <ul>
 * <li>{@code GET /orders/{id}}: 200, or 404 for the id {@code missing};</li>
 * <li>{@code GET /log?text=}: logs {@code request says <text>} and answers with the name of
 * the thread that logged it;</li>
 * <li>{@code GET /sql?statement=}: runs one statement on the service's database and answers
 * with the first column of each row;</li>
 * <li>{@code GET /admin/settings}: admins only, over HTTP Basic ({@code admin/admin-pass};
 * {@code alice/alice-pass} is a plain user).</li>
 * </ul>
 * Everything but {@code /admin/**} is open to anyone.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class OutsideInSuite {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SERVICE = "outside-in";

	@TempDir
	protected Path logs;

	/** A started service under test. */
	public interface Service extends AutoCloseable {

		int port();

		default Http http() {
			return new Http(port());
		}

		@Override
		void close();

	}

	/** Starts the service on a free port with these arguments added. */
	protected abstract Service launch(String... args);

	/**
	 * Starts a plain service of this stack (no routes of its own) on a free port with these
	 * arguments added and Spring Security hidden from its class loader.
	 */
	protected abstract Service launchWithoutSpringSecurity(String... args);

	/** The bean name of the service's database: its {@code datasource} tag and dependency name. */
	protected abstract String database();

	/** What the stack promises about the thread a handler logged on; nothing by default. */
	protected void assertLoggingThread(String thread) {
	}

	/** Starts the service with its audit log in this test's directory and every request traced. */
	protected Service start(String... args) {
		List<String> all = new ArrayList<>(List.of("--observability.audit.file=" + audit(),
				"--spring.application.name=" + SERVICE, "--management.tracing.sampling.probability=1.0"));
		all.addAll(List.of(args));
		return launch(all.toArray(String[]::new));
	}

	protected Path audit() {
		return this.logs.resolve("audit.json");
	}

	@Test
	void tenantTimerPerTenantIsBoundedByTheGuard() {
		try (Service app = start("--observability.cardinality.max-tag-values=3")) {
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
	void logLinesCarryTraceAndTenant(CapturedOutput output) {
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
	void hostileTextInALogLineCannotForgeALine(CapturedOutput output) {
		try (Service app = start()) {
			app.http().get("/log?text=marker-forge%0D%0A%7B%22level%22%3A%22ERROR%22%7D%E2%80%A8end");
			List<String> lines = JsonLines.linesContaining(output.getOut(), "marker-forge");
			assertThat(lines).hasSize(1);
			assertThat(JsonLines.parse(lines.get(0)).path("message").asString())
				.isEqualTo("request says marker-forge\r\n{\"level\":\"ERROR\"}\u2028end");
		}
	}

	@Test
	void onlyHealthWithoutDetailsInfoAndPrometheusAreExposed() {
		try (Service app = start()) {
			assertOnlyHealthInfoAndPrometheusAnswer(app.http());
		}
	}

	@Test
	void withoutSpringSecurityOnlyHealthWithoutDetailsInfoAndPrometheusAreExposed() {
		try (Service app = launchWithoutSpringSecurity()) {
			assertOnlyHealthInfoAndPrometheusAnswer(app.http());
		}
	}

	@Test
	void withoutSpringSecurityExposedSensitiveEndpointsAreWarnedAbout(CapturedOutput output) {
		try (Service app = launchWithoutSpringSecurity("--management.endpoints.web.exposure.include=*")) {
			// heapdump and shutdown are included but their access is none by default: Boot serves neither.
			assertThat(output).contains("Actuator endpoints [env, configprops, threaddump, loggers, beans, mappings, "
					+ "vantage, slo, errors] are exposed over HTTP");
		}
	}

	@Test
	void sensitiveEndpointsASecurityChainLeavesOpenAreWarnedAboutAndCanStopStartup(CapturedOutput output) {
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
	void sensitiveEndpointsTheSecurityChainProtectsAreQuiet(CapturedOutput output) {
		// The service lets only an admin reach /admin/**: move the actuator there.
		try (Service app = start("--management.endpoints.web.exposure.include=*",
				"--management.endpoints.web.base-path=/admin/actuator",
				"--observability.endpoints.fail-on-insecure-exposure=true")) {
			assertThat(output).doesNotContain("are exposed over HTTP");
			assertThat(app.http().get("/admin/actuator/env").statusCode()).isEqualTo(401);
		}
	}

	@Test
	void vantageSaysOnceWhatItWiredAndTellsOnlyAnAdminTheDetails(CapturedOutput output) {
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
				.parse(http.get("/admin/actuator/vantage", "Authorization", basic("admin", "admin-pass")).body());
			assertThat(report.path("versions").path("vantage").asString()).isNotBlank().isNotEqualTo("unknown");
			assertThat(report.path("versions").path("spring-boot").asString()).startsWith("4.");
			assertThat(report.path("versions").path("micrometer").asString()).matches("\\d+\\.\\d+.*");
			assertThat(report.path("concerns").valueStream()
				.filter((concern) -> concern.path("name").asString().equals("tenant"))
				.map((concern) -> concern.path("state").asString())).containsExactly("ON");
			assertThat(output).doesNotContain("are exposed over HTTP");
		}
	}

	@Test
	void rumIsOffByDefault() {
		try (Service app = start()) {
			assertThat(app.http().get("/vantage/rum.js").statusCode()).isEqualTo(404);
			assertThat(app.http().scrape().text()).doesNotContain("rum_");
		}
	}

	@Test
	void rumBeaconsBecomeBoundedMetersAndHostileOnesAreRefused() {
		try (Service app = start("--observability.rum.enabled=true", "--observability.rum.pages=/products/{id}",
				"--observability.rum.allowed-origins=https://www.example.com")) {
			Http http = app.http();
			String self = "http://127.0.0.1:" + app.port();
			HttpResponse<String> script = http.get("/vantage/rum.js");
			assertThat(script.statusCode()).isEqualTo(200);
			assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/javascript"));
			assertThat(script.body()).contains("var webVitals=", "\"beacon\":\"/vantage/rum\"");
			String etag = script.headers().firstValue("ETag").orElseThrow();
			assertThat(http.get("/vantage/rum.js", "If-None-Match", etag).statusCode()).isEqualTo(304);

			assertThat(beacon(http, self, "{\"page\":\"/products/{id}\",\"view\":true,\"errors\":2,\"metrics\":["
					+ "{\"name\":\"LCP\",\"value\":1200},{\"name\":\"FCP\",\"value\":700},{\"name\":\"TTFB\",\"value\":90},"
					+ "{\"name\":\"INP\",\"value\":64},{\"name\":\"CLS\",\"value\":0.05},"
					+ "{\"name\":\"FID\",\"value\":5},{\"name\":\"LCP\",\"value\":1300}]}").statusCode()).isEqualTo(204);
			assertThat(beacon(http, null, "{\"page\":\"/products/42?ref=mail\",\"view\":true}").statusCode())
				.isEqualTo(204);
			HttpResponse<String> crossOrigin = beacon(http, "https://www.example.com",
					"{\"page\":\"/products/{id}\",\"metrics\":[{\"name\":\"TTFB\",\"value\":-1}]}");
			assertThat(crossOrigin.statusCode()).isEqualTo(204);
			assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://www.example.com");
			HttpResponse<String> preflight = http.send("OPTIONS", "/vantage/rum", null, "Origin",
					"https://www.example.com", "Access-Control-Request-Method", "POST");
			assertThat(preflight.statusCode()).isEqualTo(204);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
			assertThat(http.send("OPTIONS", "/vantage/rum", null, "Origin", "https://evil.example").statusCode())
				.isEqualTo(403);

			assertThat(beacon(http, "https://evil.example", "{\"page\":\"/products/{id}\",\"view\":true}")
				.statusCode()).isEqualTo(403);
			assertThat(beacon(http, self, "{\"page\":").statusCode()).isEqualTo(400);
			assertThat(beacon(http, self, "[\"\u0000\"]").statusCode()).isEqualTo(400);
			assertThat(beacon(http, self, "{\"page\":\"" + "x".repeat(17 * 1024) + "\"}").statusCode())
				.isEqualTo(413);
			assertThat(http.get("/vantage/rum").statusCode()).isEqualTo(405);

			Scrape scrape = http.scrape();
			String page = "/products/{id}";
			assertThat(scrape.sum("rum_web_vitals_seconds_count", "metric", "lcp", "page", page)).isEqualTo(1);
			assertThat(scrape.sum("rum_web_vitals_seconds_bucket", "metric", "lcp", "page", page, "le", "1.0")).isZero();
			assertThat(scrape.sum("rum_web_vitals_seconds_bucket", "metric", "lcp", "page", page, "le", "2.5"))
				.isEqualTo(1);
			assertThat(scrape.sum("rum_web_vitals_seconds_sum", "metric", "lcp", "page", page)).isEqualTo(1.2);
			assertThat(scrape.sum("rum_web_vitals_seconds_count", "metric", "fcp", "page", page)).isEqualTo(1);
			assertThat(scrape.sum("rum_web_vitals_seconds_count", "metric", "ttfb", "page", page)).isEqualTo(1);
			assertThat(scrape.sum("rum_web_vitals_seconds_bucket", "metric", "inp", "page", page, "le", "0.2"))
				.isEqualTo(1);
			assertThat(scrape.sum("rum_cls_thousandths_bucket", "page", page, "le", "50.0")).isEqualTo(1);
			assertThat(scrape.sum("rum_page_views_total", "page", page)).isEqualTo(1);
			assertThat(scrape.sum("rum_page_views_total", "page", "other")).isEqualTo(1);
			assertThat(scrape.sum("rum_js_errors_total", "page", page)).isEqualTo(2);
			assertThat(scrape.labelValues("rum_page_views_total", "page")).containsExactlyInAnyOrder(page, "other");
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "invalid_value")).isEqualTo(3);
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "origin")).isEqualTo(1);
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "malformed")).isEqualTo(2);
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "too_large")).isEqualTo(1);
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "rate_limited")).isZero();
			assertThat(scrape.sum("http_server_requests_seconds_count", "uri", "/vantage/rum", "method", "POST",
					"status", "204"))
				.isEqualTo(3);
		}
	}

	@Test
	void rumBeaconsOverTheClientsAllowanceAreRefusedAndAFloodOfPagesStaysBounded() {
		try (Service app = start("--observability.rum.enabled=true", "--observability.rum.pages=/",
				"--observability.rum.max-beacons-per-client=300")) {
			Http http = app.http();
			for (int i = 0; i < 300; i++) {
				assertThat(beacon(http, null, "{\"page\":\"/flood/" + i + "\",\"view\":true,\"metrics\":"
						+ "[{\"name\":\"LCP\",\"value\":" + i + "}]}").statusCode()).isEqualTo(204);
			}
			assertThat(beacon(http, null, "{\"page\":\"/\",\"view\":true}").statusCode()).isEqualTo(429);
			Scrape scrape = http.scrape();
			assertThat(scrape.labelValues("rum_page_views_total", "page")).containsExactly("other");
			assertThat(scrape.sum("rum_page_views_total", "page", "other")).isEqualTo(300);
			assertThat(scrape.labelValues("rum_web_vitals_seconds_count", "page")).containsExactly("other");
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "rate_limited")).isEqualTo(1);
		}
	}

	private static HttpResponse<String> beacon(Http http, String origin, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return (origin != null) ? http.send("POST", "/vantage/rum", bytes, "Content-Type", "text/plain", "Origin", origin)
				: http.send("POST", "/vantage/rum", bytes, "Content-Type", "text/plain");
	}

	@Test
	void declaredObjectivesGetExactBucketsLiveStatusAndGeneratedRules() {
		String admin = basic("admin", "admin-pass");
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

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
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

	@Test
	void statementsAreTimedByOperationAndSlowOnesLoggedWithTheTraceId(CapturedOutput output) {
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

	@Test
	void healthWithTwoHangingDependenciesAnswersWithinTheTimeout() throws IOException {
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
	void loginsAndDenialsBecomeMetersAndAuditEvents() {
		try (Service app = start()) {
			Http http = app.http();
			assertThat(http.get("/admin/settings", "Authorization", basic("admin", "admin-pass")).statusCode())
				.isEqualTo(200);
			assertThat(http.get("/admin/settings", "Authorization", basic("admin", "wrong")).statusCode())
				.isEqualTo(401);
			for (int i = 0; i < 2; i++) {
				assertThat(http.get("/admin/settings", "Authorization", basic("alice", "alice-pass")).statusCode())
					.isEqualTo(403);
			}
			await("security meters").atMost(Duration.ofSeconds(10))
				.until(() -> http.scrape().sum("security_authorization_denied_total") >= 2);
			Scrape scrape = http.scrape();
			assertThat(scrape.sum("security_authentication_total", "outcome", "success", "reason", "none")).isEqualTo(3);
			assertThat(scrape.sum("security_authentication_total", "outcome", "failure", "reason", "bad_credentials"))
				.isEqualTo(1);
			assertThat(scrape.sum("security_authentication_total", "outcome", "failure", "reason", "locked")).isZero();
			assertThat(scrape.sum("security_authorization_denied_total")).isEqualTo(2);
			assertThat(scrape.text()).doesNotContain("127.0.0.1", "alice");

			JsonNode failure = auditEvents("authentication.failure", 1).get(0);
			assertThat(failure.path("principal").asString()).isEqualTo("admin");
			assertThat(failure.path("clientIp").asString()).isEqualTo("127.0.0.1");
			assertThat(failure.path("reason").asString()).isEqualTo("bad_credentials");
			assertThat(auditEvents("authorization.denied", 2)).hasSize(2).allSatisfy((denied) -> {
				assertThat(denied.path("principal").asString()).isEqualTo("alice");
				assertThat(denied.path("resource").asString()).isEqualTo("GET /admin/settings");
			});
			assertThat(auditEvents("authentication.success", 2)).as("one success per principal and interval")
				.extracting((event) -> event.path("principal").asString())
				.containsExactlyInAnyOrder("admin", "alice");
		}
	}

	@Test
	void sixFailedLoginsForOnePrincipalAreBruteForceOnce() {
		try (Service app = start()) {
			Http http = app.http();
			for (int i = 0; i < 8; i++) {
				assertThat(http.get("/admin/settings", "Authorization", basic("admin", "guess-" + i)).statusCode())
					.isEqualTo(401);
			}
			await("the brute-force detection").atMost(Duration.ofSeconds(10))
				.until(() -> http.scrape().sum("security_suspicious_activity_total", "type", "brute_force") > 0);
			assertThat(http.scrape().sum("security_suspicious_activity_total", "type", "brute_force", "severity", "high"))
				.isEqualTo(1);
			List<JsonNode> detections = auditEvents("security.brute_force", 1);
			assertThat(detections).hasSize(1);
			assertThat(detections.get(0).path("principal").asString()).isEqualTo("admin");
		}
	}

	@Test
	void suspiciousRequestsAreReportedButNeverBlocked() {
		try (Service app = start()) {
			Http http = app.http();
			assertThat(http.get("/orders/1?note=%27%20OR%20%271%27%3D%271").statusCode()).isEqualTo(200);
			assertThat(http.get("/orders/2?file=..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(200);
			Scrape scrape = http.scrape();
			assertThat(scrape.sum("security_suspicious_activity_total", "type", "injection_attempt")).isEqualTo(1);
			assertThat(scrape.sum("security_suspicious_activity_total", "type", "path_traversal")).isEqualTo(1);
			JsonNode event = auditEvents("security.suspicious_request", 1).get(0);
			assertThat(event.path("reason").asString()).isEqualTo("sql_injection");
			assertThat(event.path("clientIp").asString()).isEqualTo("127.0.0.1");
		}
	}

	@Test
	void ordinaryTrafficIsNotSuspicious() {
		try (Service app = start()) {
			Http http = app.http();
			for (String path : List.of("/orders/1042", "/orders/7?sort=price-desc&page=2", "/orders/8?q=O%27Reilly",
					"/orders/9?q=men%27s+shoes", "/log?text=hello+world", "/actuator/health/liveness")) {
				assertThat(http.get(path, "X-Tenant-Id", "acme").statusCode()).as(path).isEqualTo(200);
			}
			assertThat(http.scrape().sum("security_suspicious_activity_total")).isZero();
		}
	}

	@Test
	void realPrometheusKeepsTheTargetUpAndStoresBucketExemplars() {
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

	/** The audit events of this type, once there are at least this many (some are written off the request). */
	private List<JsonNode> auditEvents(String type, int atLeast) {
		await(atLeast + " audit events " + type).atMost(Duration.ofSeconds(10))
			.until(() -> auditEvents(type).size() >= atLeast);
		return auditEvents(type);
	}

	private List<JsonNode> auditEvents(String type) {
		try {
			return Files.exists(audit()) ? Files.readAllLines(audit())
				.stream()
				.map(JsonLines::parse)
				.filter((event) -> event.path("type").asString().equals(type))
				.toList() : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
