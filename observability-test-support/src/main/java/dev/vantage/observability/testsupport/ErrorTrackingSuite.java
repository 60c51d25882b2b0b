package dev.vantage.observability.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.vantage.observability.testsupport.OutsideInSuite.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The error-tracking checks both web stacks pass, against test services with no Vantage code
 * that serve, besides the routes of {@link OutsideInSuite}:
 * <ul>
 * <li>{@code GET /errors/order/{id}}: an unhandled {@code IllegalStateException} whose
 * message holds the id, a card number and an e-mail address;</li>
 * <li>{@code GET /errors/other-path}: the same exception type from another method;</li>
 * <li>{@code GET /errors/invalid} and {@code /errors/gateway}: exceptions of the service's own
 * that its {@code @RestControllerAdvice} turns into 400 and 502;</li>
 * <li>{@code GET /errors/conflict}: a {@code ResponseStatusException} with its 409
 * {@code ProblemDetail} (WebFlux's error handler in Boot renders other
 * {@code ErrorResponseException}s as 500, with or without Vantage);</li>
 * <li>{@code GET /errors/job}: makes a {@code @Scheduled} job fail once;</li>
 * <li>{@code GET /errors/items/{id}?quantity=}: an {@code int} path variable and a required
 * {@code int} parameter, and {@code POST /errors/items}: a JSON body of {@code {"sku": ...}};</li>
 * <li>{@code GET /errors/lost-order}: a {@code ResponseStatusException} with status 404, the
 * service's own;</li>
 * <li>{@code GET /errors/browse}: logs a line at INFO and answers;</li>
 * <li>{@code GET /errors/checkout/{cart}?coupon=}: logs "checking out cart {cart}" at INFO and
 * "coupon {coupon} applied with password=hunter2" at WARN (WebFlux: on another thread), then
 * fails with an {@code IllegalStateException}.</li>
 * </ul>
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class ErrorTrackingSuite {

	private static final String TRACE_ID = "5bf92f3577b34da6a3ce929d0e0e4737";

	private static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:admin-pass".getBytes(StandardCharsets.UTF_8));

	/** Starts the service on a free port with these arguments added. */
	protected abstract Service launch(String... args);

	private Service start(String... args) {
		List<String> all = new ArrayList<>(List.of("--management.endpoints.web.exposure.include=health,prometheus,errors",
				"--management.endpoints.web.base-path=/admin/actuator", "--management.tracing.sampling.probability=1.0",
				"--observability.audit.enabled=false"));
		all.addAll(List.of(args));
		return launch(all.toArray(String[]::new));
	}

	@Test
	void everyExceptionThatEndsARequestIsGroupedCountedAndShownOnlyToAdmins() {
		try (Service app = start()) {
			Http http = app.http();
			assertThat(http.get("/errors/order/1").statusCode()).isEqualTo(500);
			assertThat(http.get("/errors/order/2", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").statusCode())
				.isEqualTo(500);
			assertThat(http.get("/errors/other-path").statusCode()).isEqualTo(500);
			assertThat(http.get("/errors/invalid").statusCode()).isEqualTo(400);
			assertThat(http.get("/errors/gateway").statusCode()).isEqualTo(502);
			assertThat(http.get("/errors/conflict").statusCode()).isEqualTo(409);
			Scrape scrape = scrape(http);
			List<Scrape.Sample> unhandled = scrape.samples("errors_total")
				.stream()
				.filter((sample) -> sample.matches("exception", "IllegalStateException", "source", "http", "handled", "false"))
				.toList();
			assertThat(unhandled).as("one group for two ids, one for another code path")
				.extracting(Scrape.Sample::value)
				.containsExactlyInAnyOrder(2.0, 1.0);
			for (String handled : List.of("InvalidOrderException", "PaymentGatewayException", "ResponseStatusException")) {
				assertThat(scrape.sum("errors_total", "exception", handled, "source", "http", "handled", "true"))
					.as(handled).isEqualTo(1);
			}
			assertThat(scrape.sum("http_server_requests_seconds_count", "uri", "/errors/gateway", "exception",
					"PaymentGatewayException")).as("Boot's exception tag for a handled 5xx").isEqualTo(1);
			assertThat(scrape.labelValues("errors_total", "source")).containsExactly("http");
			assertThat(scrape.samples("observability_internal_errors_total")).allSatisfy(
					(sample) -> assertThat(sample.value()).as(sample.line()).isZero());

			assertThat(http.get("/admin/actuator/errors").statusCode()).isEqualTo(401);
			JsonNode groups = JsonLines.parse(http.get("/admin/actuator/errors", "Authorization", ADMIN).body());
			JsonNode order = group(groups, "/errors/order/{id}");
			assertThat(order.path("count").asLong()).isEqualTo(2);
			assertThat(order.path("exception").asString()).isEqualTo("java.lang.IllegalStateException");
			assertThat(order.path("status").asInt()).isEqualTo(500);
			assertThat(order.path("handled").asBoolean()).isFalse();
			assertThat(order.path("lastTraceId").asString()).isEqualTo(TRACE_ID);
			assertThat(order.path("message").asString()).isEqualTo("order 1 failed for card ****1111 of ****");
			String fingerprint = order.path("fingerprint").asString();
			assertThat(scrape.has("errors_total", "fingerprint", fingerprint, "handled", "false")).isTrue();
			assertThat(group(groups, "/errors/gateway").path("handled").asBoolean()).isTrue();
			assertThat(group(groups, "/errors/conflict").path("status").asInt()).isEqualTo(409);

			JsonNode detail = JsonLines
				.parse(http.get("/admin/actuator/errors/" + fingerprint, "Authorization", ADMIN).body());
			assertThat(detail.path("stackTrace").valueStream()
				.filter((frame) -> frame.path("application").asBoolean())
				.map((frame) -> frame.path("frame").asString())).isNotEmpty()
				.allSatisfy((frame) -> assertThat(frame).startsWith("dev.vantage.observability."));
			assertThat(http.get("/admin/actuator/errors/000000000000", "Authorization", ADMIN).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void errorLinesCarryTheirGroupAndAFailedScheduledJobCountsAsUnhandled(CapturedOutput output) {
		try (Service app = start()) {
			Http http = app.http();
			assertThat(http.get("/errors/order/1").statusCode()).isEqualTo(500);
			assertThat(http.get("/errors/job").statusCode()).isEqualTo(200);
			await("the failed job in errors_total").atMost(Duration.ofSeconds(10))
				.until(() -> scrape(http).has("errors_total", "source", "log"));
			Scrape scrape = scrape(http);
			assertThat(scrape.samples("errors_total")
				.stream()
				.filter((sample) -> sample.matches("source", "log"))).singleElement()
				.satisfies((sample) -> assertThat(sample.labels()).containsEntry("handled", "false")
					.containsEntry("exception", "IllegalStateException"));
			String jobGroup = scrape.labelValues("errors_total", "fingerprint")
				.stream()
				.filter((fingerprint) -> scrape.has("errors_total", "fingerprint", fingerprint, "source", "log"))
				.findFirst()
				.orElseThrow();
			JsonNode jobLine = JsonLines.parse(JsonLines.linesContaining(output.getOut(), "nightly export 7 failed").get(0));
			assertThat(jobLine.path("error_fingerprint").asString()).isEqualTo(jobGroup);
			assertThat(jobLine.path("error_type").asString()).isEqualTo("java.lang.IllegalStateException");
			assertThat(jobLine.path("error_message").asString()).isEqualTo("nightly export 7 failed");

			String requestGroup = scrape.labelValues("errors_total", "fingerprint")
				.stream()
				.filter((fingerprint) -> scrape.has("errors_total", "fingerprint", fingerprint, "source", "http"))
				.findFirst()
				.orElseThrow();
			List<JsonNode> requestLines = JsonLines.linesContaining(output.getOut(), "****1111")
				.stream()
				.map(JsonLines::parse)
				.filter((line) -> line.has("error_fingerprint"))
				.toList();
			assertThat(requestLines).as("the server's own line of the failed request").isNotEmpty()
				.allSatisfy((line) -> {
					assertThat(line.path("error_fingerprint").asString()).isEqualTo(requestGroup);
					assertThat(line.path("error_message").asString()).contains("****1111 of ****");
				});
			assertThat(output.getOut()).as("no card number or address in any line")
				.doesNotContain("4111 1111 1111 1111", "alice@example.com");
		}
	}

	@Test
	void aClientsMistakesMakeNoGroupButTheServicesOwn404Does() {
		try (Service app = start()) {
			Http http = app.http();
			assertThat(http.get("/wp-login.php").statusCode()).as("no handler, no resource").isEqualTo(404);
			assertThat(http.send("DELETE", "/errors/items/1", new byte[0]).statusCode()).isEqualTo(405);
			assertThat(http.get("/errors/items/abc?quantity=1").statusCode()).as("type mismatch").isEqualTo(400);
			assertThat(http.get("/errors/items/1").statusCode()).as("missing parameter").isEqualTo(400);
			assertThat(http.postJson("/errors/items", "{\"sku\":").statusCode()).as("unreadable body").isEqualTo(400);
			assertThat(http.send("POST", "/errors/items", "sku".getBytes(StandardCharsets.UTF_8), "Content-Type",
					"application/x-unknown").statusCode()).isEqualTo(415);
			assertThat(http.get("/errors/items/1?quantity=2").statusCode()).isEqualTo(200);
			assertThat(http.get("/errors/lost-order").statusCode()).isEqualTo(404);
			Scrape scrape = scrape(http);
			assertThat(scrape.samples("errors_total")).as("only the service's own 404").singleElement()
				.satisfies((sample) -> assertThat(sample.labels()).containsEntry("exception", "ResponseStatusException")
					.containsEntry("handled", "true"));
			for (String status : List.of("400", "404", "405", "415")) {
				assertThat(scrape.sum("http_server_requests_seconds_count", "status", status)).as("Boot counts " + status)
					.isPositive();
			}
			JsonNode groups = JsonLines.parse(http.get("/admin/actuator/errors", "Authorization", ADMIN).body());
			assertThat(groups.path("groups").size()).isOne();
			assertThat(group(groups, "/errors/lost-order").path("status").asInt()).isEqualTo(404);
		}
		try (Service app = start("--observability.errors.client-error-types=")) {
			Http http = app.http();
			assertThat(http.get("/wp-login.php").statusCode()).isEqualTo(404);
			assertThat(scrape(http).samples("errors_total")).as("tracked when the list is empty").singleElement()
				.satisfies((sample) -> assertThat(sample.labels()).containsEntry("exception", "NoResourceFoundException"));
		}
	}

	@Test
	void theSampleOfAFailingRequestCarriesTheRequestAndTheLinesItLoggedAndReachesTheLogsOnce(CapturedOutput output) {
		try (Service app = start("--observability.logging.env=staging")) {
			Http http = app.http();
			assertThat(http.get("/errors/browse", "X-Tenant-Id", "shop-1").statusCode()).isEqualTo(200);
			assertThat(http.get("/errors/checkout/42?coupon=SPRING10&token=s3cr3t-token", "Authorization", ADMIN,
					"X-Tenant-Id", "shop-7", "User-Agent", "shop-test/1.0", "X-Request-Id", "req-42", "Cookie",
					"session=c00kie").statusCode()).isEqualTo(500);
			JsonNode groups = JsonLines.parse(http.get("/admin/actuator/errors", "Authorization", ADMIN).body());
			JsonNode checkout = group(groups, "/errors/checkout/{cart}");
			String fingerprint = checkout.path("fingerprint").asString();
			JsonNode sample = JsonLines
				.parse(http.get("/admin/actuator/errors/" + fingerprint, "Authorization", ADMIN).body())
				.path("sample");
			assertThat(sample.path("method").asString()).isEqualTo("GET");
			assertThat(sample.path("where").asString()).isEqualTo("/errors/checkout/{cart}");
			assertThat(sample.path("status").asInt()).isEqualTo(500);
			assertThat(sample.path("query").asString()).contains("coupon=SPRING10").doesNotContain("s3cr3t-token");
			assertThat(sample.path("headers").path("User-Agent").asString()).isEqualTo("shop-test/1.0");
			assertThat(sample.path("headers").path("X-Request-Id").asString()).isEqualTo("req-42");
			assertThat(sample.path("headers").propertyNames()).as("credentials are never shown")
				.doesNotContain("Authorization", "Cookie");
			assertThat(sample.path("tenant").asString()).isEqualTo("shop-7");
			assertThat(sample.path("principal").asString()).startsWith("sha256:").doesNotContain("admin");
			assertThat(sample.path("environment").asString()).isEqualTo("staging");
			assertThat(sample.path("version").asString()).isEqualTo(checkout.path("version").asString());
			assertThat(sample.path("traceId").asString()).hasSize(32);
			List<String> breadcrumbs = sample.path("breadcrumbs")
				.valueStream()
				.map((crumb) -> crumb.path("level").asString() + " " + crumb.path("message").asString())
				.toList();
			assertThat(breadcrumbs).as("the lines of this request, masked, and no other request's")
				.contains("INFO checking out cart 42", "WARN coupon SPRING10 applied with password=****")
				.noneSatisfy((crumb) -> assertThat(crumb).contains("browsing"));

			assertThat(http.get("/errors/checkout/43?coupon=X", "X-Tenant-Id", "shop-8").statusCode()).isEqualTo(500);
			await("the sample line").atMost(Duration.ofSeconds(5))
				.until(() -> !sampleLines(output.getOut(), fingerprint).isEmpty());
			List<JsonNode> lines = sampleLines(output.getOut(), fingerprint);
			assertThat(lines).as("one line for the group's first occurrence").hasSize(1);
			JsonNode line = lines.get(0);
			assertThat(line.path("level").asString()).isEqualTo("WARN");
			assertThat(line.path("error_type").asString()).isEqualTo("java.lang.IllegalStateException");
			assertThat(line.path("error_message").asString()).isEqualTo("checkout of cart 42 failed");
			JsonNode logged = line.path("error_sample");
			assertThat(logged.path("tenant").asString()).isEqualTo("shop-7");
			assertThat(logged.path("breadcrumbs")).isEqualTo(sample.path("breadcrumbs"));
			assertThat(logged.path("stackTrace").valueStream().map(JsonNode::asString))
				.anySatisfy((frame) -> assertThat(frame).startsWith("dev.vantage.observability."));
			assertThat(line.toString()).doesNotContain("hunter2", "s3cr3t-token", "c00kie");
		}
		try (Service app = start("--observability.errors.breadcrumbs.enabled=false",
				"--observability.errors.sample.principal=none", "--observability.errors.sample.log=false")) {
			Http http = app.http();
			assertThat(http.get("/errors/checkout/42?coupon=X", "Authorization", ADMIN).statusCode()).isEqualTo(500);
			JsonNode groups = JsonLines.parse(http.get("/admin/actuator/errors", "Authorization", ADMIN).body());
			String fingerprint = group(groups, "/errors/checkout/{cart}").path("fingerprint").asString();
			JsonNode sample = JsonLines
				.parse(http.get("/admin/actuator/errors/" + fingerprint, "Authorization", ADMIN).body())
				.path("sample");
			assertThat(sample.path("breadcrumbs").isEmpty()).as("breadcrumbs off").isTrue();
			assertThat(sample.has("principal")).isFalse();
			assertThat(sampleLines(output.getOut(), fingerprint)).as("the first run's line only").hasSize(1);
		}
	}

	private static List<JsonNode> sampleLines(String out, String fingerprint) {
		return JsonLines.linesContaining(out, "\"error_sample\"")
			.stream()
			.map(JsonLines::parse)
			.filter((line) -> line.path("log_type").asString().equals("error_sample")
					&& line.path("error_fingerprint").asString().equals(fingerprint))
			.toList();
	}

	@Test
	void theFingerprintOfAnErrorIsTheSameAfterARestart() {
		String first;
		try (Service app = start()) {
			app.http().get("/errors/order/1");
			first = scrape(app.http()).labelValues("errors_total", "fingerprint").iterator().next();
		}
		try (Service app = start()) {
			app.http().get("/errors/order/3");
			assertThat(scrape(app.http()).labelValues("errors_total", "fingerprint")).containsExactly(first);
		}
	}

	@Test
	void groupsAndTheirSeriesAreBounded() {
		try (Service app = start("--observability.errors.max-groups=2", "--observability.cardinality.max-tag-values=2")) {
			Http http = app.http();
			for (String path : List.of("/errors/order/1", "/errors/other-path", "/errors/gateway", "/errors/invalid",
					"/errors/order/2")) {
				http.get(path);
			}
			JsonNode groups = JsonLines.parse(http.get("/admin/actuator/errors", "Authorization", ADMIN).body());
			assertThat(groups.path("groups").size()).isEqualTo(2);
			assertThat(groups.path("evictedGroups").asLong()).isPositive();
			Scrape scrape = scrape(http);
			assertThat(scrape.labelValues("errors_total", "fingerprint")).hasSize(3).contains("other");
			assertThat(scrape.sum("errors_total")).isEqualTo(5);
			assertThat(scrape.sum("observability_cardinality_overflow_total", "meter", "errors")).isPositive();
		}
	}

	@Test
	void javaScriptErrorsOfAPageAreGroupedByMessageAndTopFrame() {
		try (Service app = start("--observability.rum.enabled=true", "--observability.rum.pages=/cart")) {
			Http http = app.http();
			String beacon = "{\"page\":\"/cart\",\"view\":true,\"errors\":3,\"errorDetails\":["
					+ "{\"message\":\"TypeError: Cannot read properties of undefined (reading 'price')\","
					+ "\"frame\":\"at renderCart (http://127.0.0.1/app.3f2a9c1b.js:10:5)\",\"count\":2},"
					+ "{\"message\":\"TypeError: Cannot read properties of undefined (reading 'total')\","
					+ "\"frame\":\"renderCart@http://127.0.0.1/app.91bc77de.js:11:7\",\"count\":1}]}";
			assertThat(http.send("POST", "/vantage/rum", beacon.getBytes(StandardCharsets.UTF_8), "Content-Type",
					"text/plain", "Origin", "http://127.0.0.1:" + app.port()).statusCode()).isEqualTo(204);
			Scrape scrape = scrape(http);
			assertThat(scrape.samples("errors_total")).singleElement().satisfies((sample) -> {
				assertThat(sample.labels()).containsEntry("source", "rum").containsEntry("exception", "TypeError");
				assertThat(sample.value()).isEqualTo(3);
			});
			JsonNode groups = JsonLines.parse(http.get("/admin/actuator/errors", "Authorization", ADMIN).body());
			assertThat(group(groups, "/cart").path("message").asString())
				.isEqualTo("Cannot read properties of undefined (reading ?)");
		}
	}

	private static Scrape scrape(Http http) {
		return new Scrape(http.get("/admin/actuator/prometheus", "Authorization", ADMIN).body());
	}

	private static JsonNode group(JsonNode groups, String where) {
		return groups.path("groups")
			.valueStream()
			.filter((group) -> group.path("where").asString().equals(where))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no group of " + where + " in " + groups));
	}

}
