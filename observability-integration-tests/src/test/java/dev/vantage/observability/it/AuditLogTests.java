package dev.vantage.observability.it;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.testsupport.JsonLines;
import dev.vantage.observability.testsupport.TinyVolume;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log as shipped: the AUDIT logger, the JSON file appender and the masking.
 */
class AuditLogTests {

	@TempDir
	Path directory;

	private RunningApp start() {
		return RunningApp.start("--observability.audit.file=" + this.directory.resolve("audit.json"),
				"--spring.application.name=audit-shop");
	}

	private List<String> auditLines() throws IOException {
		return JsonLines.lines(Files.readString(this.directory.resolve("audit.json")));
	}

	@Test
	void sixteenThreadsWriteExactlyOneParseableLinePerEvent() throws Exception {
		try (RunningApp app = start()) {
			AuditLogger audit = app.bean(AuditLogger.class);
			ExecutorService executor = Executors.newFixedThreadPool(16);
			List<Future<?>> writers = new ArrayList<>();
			for (int thread = 0; thread < 16; thread++) {
				int writer = thread;
				writers.add(executor.submit(() -> {
					for (int i = 0; i < 10_000; i++) {
						audit.log(AuditEvent.builder("order.viewed")
							.principal("user-" + writer)
							.resource("order/" + writer + "-" + i)
							.build());
					}
				}));
			}
			for (Future<?> future : writers) {
				future.get();
			}
			executor.shutdown();
			List<String> lines = auditLines();
			assertThat(lines).hasSize(160_000);
			Set<String> resources = new HashSet<>();
			for (String line : lines) {
				JsonNode event = JsonLines.parse(line);
				assertThat(event.path("log_type").asString()).isEqualTo("audit");
				resources.add(event.path("resource").asString());
			}
			assertThat(resources).hasSize(160_000);
			assertThat(app.bean(MeterRegistry.class).get(AuditLogger.EVENTS_METER).tag("type", "order.viewed")
				.counter().count()).isEqualTo(160_000);
		}
	}

	@Test
	void everyFieldIsWrittenWithServiceAndHost() throws IOException {
		try (RunningApp app = start()) {
			app.bean(AuditLogger.class).log(AuditEvent.builder("order.refund")
				.principal("alice")
				.tenant("acme")
				.action("refund")
				.resource("order/1042")
				.reason("customer request")
				.clientIp("203.0.113.7")
				.userAgent("curl/8")
				.trace("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")
				.metadata("amount", "19.99")
				.build());
			JsonNode event = JsonLines.parse(auditLines().get(0));
			assertThat(event.path("type").asString()).isEqualTo("order.refund");
			assertThat(event.path("outcome").asString()).isEqualTo("success");
			assertThat(event.path("principal").asString()).isEqualTo("alice");
			assertThat(event.path("tenant").asString()).isEqualTo("acme");
			assertThat(event.path("action").asString()).isEqualTo("refund");
			assertThat(event.path("resource").asString()).isEqualTo("order/1042");
			assertThat(event.path("reason").asString()).isEqualTo("customer request");
			assertThat(event.path("clientIp").asString()).isEqualTo("203.0.113.7");
			assertThat(event.path("userAgent").asString()).isEqualTo("curl/8");
			assertThat(event.path("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
			assertThat(event.path("spanId").asString()).isEqualTo("00f067aa0ba902b7");
			assertThat(event.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
			assertThat(event.path("metadata").path("amount").asString()).isEqualTo("19.99");
			assertThat(event.path("service").asString()).isEqualTo("audit-shop");
			assertThat(event.has("host")).isTrue();
		}
	}

	@Test
	void hostileValuesNeverStartALineOrForgeAField() throws IOException {
		List<String> hostile = List.of("cr\rlf\n", "nel\u0085ls\u2028ps\u2029", "quote\"backslash\\",
				"\",\"outcome\":\"success\",\"x\":\"", "}\n{\"log_type\":\"audit\",\"type\":\"forged\"}");
		try (RunningApp app = start()) {
			AuditLogger audit = app.bean(AuditLogger.class);
			for (String value : hostile) {
				audit.log(AuditEvent.builder("login")
					.failure(value)
					.principal(value)
					.tenant(value)
					.action(value)
					.resource(value)
					.clientIp(value)
					.userAgent(value)
					.metadata(value, value)
					.build());
			}
			List<String> lines = auditLines();
			assertThat(lines).hasSize(hostile.size());
			for (int i = 0; i < hostile.size(); i++) {
				JsonNode event = JsonLines.parse(lines.get(i));
				assertThat(event.path("type").asString()).isEqualTo("login");
				assertThat(event.path("outcome").asString()).isEqualTo("failure");
				assertThat(event.path("principal").asString()).isEqualTo(hostile.get(i));
				assertThat(event.path("metadata").path(hostile.get(i)).asString()).isEqualTo(hostile.get(i));
			}
		}
	}

	@Test
	void everyDefaultMaskedKeyAndCardNumbersInFreeTextAreMasked() throws IOException {
		try (RunningApp app = start()) {
			AuditEvent.Builder builder = AuditEvent.builder("payment.failed")
				.failure("card 4111 1111 1111 1111 declined")
				.metadata("note", "customer typed 5500-0000-0000-0004 in the comment");
			for (String key : AuditMasker.DEFAULT_MASKED_KEYS) {
				builder.metadata(key, "s3cr3t-" + key);
			}
			app.bean(AuditLogger.class).log(builder.build());
			String line = auditLines().get(0);
			JsonNode event = JsonLines.parse(line);
			for (String key : AuditMasker.DEFAULT_MASKED_KEYS) {
				assertThat(event.path("metadata").path(key).asString()).as(key).isEqualTo(AuditMasker.MASK);
			}
			assertThat(event.path("reason").asString()).isEqualTo("card ****1111 declined");
			assertThat(event.path("metadata").path("note").asString()).isEqualTo("customer typed ****0004 in the comment");
			assertThat(line).doesNotContain("s3cr3t", "4111 1111", "5500-0000");
		}
	}

	@Test
	void bootAuditEventsAreBridged() throws IOException {
		try (RunningApp app = start()) {
			// Vantage audits Spring Security's own events itself; Boot's copies of them are left out.
			app.context().publishEvent(new AuditApplicationEvent("bob", "AUTHENTICATION_FAILURE",
					Map.of("type", "BadCredentialsException", "message", "Bad credentials")));
			app.context().publishEvent(new AuditApplicationEvent("bob", "PASSWORD_RESET_FAILURE",
					Map.of("type", "BadCredentialsException", "message", "Bad credentials", "details", "session=abc")));
			assertThat(auditLines()).hasSize(1);
			JsonNode event = JsonLines.parse(auditLines().get(0));
			assertThat(event.path("type").asString()).isEqualTo("PASSWORD_RESET_FAILURE");
			assertThat(event.path("outcome").asString()).isEqualTo("failure");
			assertThat(event.path("principal").asString()).isEqualTo("bob");
			assertThat(event.path("reason").asString()).isEqualTo("Bad credentials");
			assertThat(event.path("metadata").has("details")).isFalse();
		}
	}

	@Test
	void onAFullVolumeEveryLostEventIsCountedAndWritingResumesWhenSpaceReturns() throws Exception {
		Path mount = Files.createDirectories(this.directory.resolve("volume"));
		try (TinyVolume volume = TinyVolume.mount(mount, 64)) {
			Path file = volume.resolve("audit.json");
			// Most of the volume taken by something else, as on a shared disk: the audit log has ~12 KB.
			Path filler = volume.fill("filler", 52 * 1024);
			try (RunningApp app = RunningApp.start("--observability.audit.file=" + file,
					"--spring.application.name=full-disk-shop")) {
				MeterRegistry registry = app.bean(MeterRegistry.class);
				int logins = 150;
				for (int i = 0; i < logins; i++) {
					String credentials = Base64.getEncoder().encodeToString(("user-" + i + ":wrong").getBytes());
					HttpResponse<String> response = app.http()
						.get("/admin/settings", "Authorization", "Basic " + credentials);
					assertThat(response.statusCode()).as("request %d on a full disk", i).isEqualTo(401);
				}
				List<String> lines = JsonLines.lines(Files.readString(file));
				lines.forEach(JsonLines::parse);
				double written = registry.get(AuditLogger.EVENTS_METER).counters().stream()
					.mapToDouble(Counter::count).sum();
				double lost = registry.get(AuditLogger.FAILURES_METER).counter().count();
				long failedLogins = lines.stream()
					.filter((line) -> line.contains("\"type\":\"authentication.failure\"")).count();
				assertThat(lost).as("events lost on the full volume").isPositive();
				assertThat(written).as("events counted as written are the lines on disk").isEqualTo(lines.size());
				assertThat(failedLogins + lost).as("every failed login is on disk or counted lost")
					.isGreaterThanOrEqualTo(logins);

				Files.delete(filler);
				for (int i = 0; i < 10; i++) {
					app.http().get("/admin/settings", "Authorization",
							"Basic " + Base64.getEncoder().encodeToString(("back-" + i + ":wrong").getBytes()));
				}
				List<String> after = JsonLines.lines(Files.readString(file));
				after.forEach(JsonLines::parse);
				assertThat(after).filteredOn((line) -> line.contains("\"principal\":\"back-")).hasSize(10);
				assertThat(registry.get(AuditLogger.FAILURES_METER).counter().count())
					.as("no more events lost once space returned").isEqualTo(lost);
				assertThat(registry.get(AuditLogger.EVENTS_METER).counters().stream().mapToDouble(Counter::count).sum())
					.isEqualTo(after.size());
			}
		}
	}

	@Test
	void anAuditFloodWritesAFewLinesAndLosesNoCount() throws Exception {
		Path file = this.directory.resolve("audit.json");
		try (RunningApp app = RunningApp.start("--observability.audit.file=" + file,
				"--observability.security.audit-flood.window=2s", "--spring.application.name=flooded-shop")) {
			String credentials = "Basic " + Base64.getEncoder().encodeToString("alice:wrong".getBytes());
			int logins = 2_000;
			ExecutorService executor = Executors.newFixedThreadPool(8);
			long floodStarts = System.nanoTime();
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < logins; i++) {
				statuses.add(executor.submit(() -> app.http().get("/admin/settings", "Authorization", credentials)
					.statusCode()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(401);
			}
			executor.shutdown();
			// Ten lines per 2-second window the flood lasted (a slow machine makes it last longer).
			long windows = (System.nanoTime() - floodStarts) / 2_000_000_000L + 2;
			// The flood's window ends and the periodic flush writes what it counted.
			long deadline = System.nanoTime() + 15_000_000_000L;
			List<JsonNode> events = List.of();
			while (System.nanoTime() < deadline && recorded(events, "authentication.failure") < logins) {
				Thread.sleep(250);
				events = JsonLines.lines(Files.readString(file)).stream().map(JsonLines::parse).toList();
			}
			assertThat(recorded(events, "authentication.failure")).as("failed logins written or summarized")
				.isEqualTo(logins);
			assertThat(events).filteredOn((event) -> event.path("type").asString().equals("authentication.failure"))
				.as("one attacker's failures written one by one").hasSizeLessThanOrEqualTo((int) (10 * windows))
				.hasSizeLessThan(logins / 10);
			long summarized = events.stream()
				.filter((event) -> event.path("type").asString().equals("audit.suppressed"))
				.mapToLong((event) -> Long.parseLong(event.path("metadata").path("count").asString()))
				.sum();
			assertThat(summarized).isPositive();
			assertThat(app.http().scrape().sum("audit_events_suppressed_total")).isEqualTo(summarized);
		}
	}

	/** Events of a type on disk, one by one or counted in an {@code audit.suppressed} summary. */
	private static long recorded(List<JsonNode> events, String type) {
		long count = 0;
		for (JsonNode event : events) {
			if (event.path("type").asString().equals(type)) {
				count++;
			}
			else if (event.path("type").asString().equals("audit.suppressed")
					&& event.path("metadata").path("suppressed_type").asString().equals(type)) {
				count += Long.parseLong(event.path("metadata").path("count").asString());
			}
		}
		return count;
	}

	@Test
	void auditLinesStayOutOfTheConsole() throws IOException {
		try (RunningApp app = start()) {
			assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("AUDIT").isAdditive()).isFalse();
			assertThat(Files.exists(this.directory.resolve("audit.json"))).isTrue();
		}
	}

}
