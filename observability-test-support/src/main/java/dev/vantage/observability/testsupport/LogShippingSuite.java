package dev.vantage.observability.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import dev.vantage.observability.testsupport.OutsideInSuite.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log records leaving the process over OTLP, both web stacks, against the test services of
 * {@link OutsideInSuite} and {@link ErrorTrackingSuite} and a protocol-level OTLP/HTTP receiver
 * ({@link OtlpLogReceiver}): what Boot's {@code management.opentelemetry.logging.export.otlp.endpoint}
 * switches on, and nothing without it.
 */
public abstract class LogShippingSuite {

	private static final String TRACE_ID = "6bf92f3577b34da6a3ce929d0e0e4738";

	private static final String SERVICE = "shipping-logs";

	@TempDir
	protected Path logs;

	/** Starts the service on a free port with these arguments added. */
	protected abstract Service launch(String... args);

	private Service start(String... args) {
		List<String> all = new ArrayList<>(List.of("--spring.application.name=" + SERVICE,
				"--management.tracing.sampling.probability=1.0",
				"--observability.audit.file=" + this.logs.resolve("audit.json")));
		all.addAll(List.of(args));
		return launch(all.toArray(String[]::new));
	}

	@Test
	void logRecordsAndAuditEventsLeaveOverOtlpWithTraceContextTenantAndException() {
		try (OtlpLogReceiver receiver = new OtlpLogReceiver();
				Service app = start("--management.opentelemetry.logging.export.otlp.endpoint=" + receiver.endpoint())) {
			Http http = app.http();
			http.get("/log?text=marker-otlp", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01", "X-Tenant-Id",
					"acme");
			assertThat(http.get("/errors/order/1").statusCode()).isEqualTo(500);
			String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8));
			assertThat(http.get("/admin/settings", "Authorization", wrong).statusCode()).isEqualTo(401);

			OtlpLogReceiver.Received line = await(receiver, "the request's log line",
					(record) -> record.body().equals("request says marker-otlp"));
			assertThat(line.traceId()).isEqualTo(TRACE_ID);
			assertThat(line.spanId()).hasSize(16).isNotEqualTo("0".repeat(16));
			assertThat(line.attributes()).containsEntry("tenant", "acme").containsKey("thread.name");
			assertThat(line.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_INFO);
			assertThat(line.resource()).containsEntry("service.name", SERVICE);

			OtlpLogReceiver.Received error = await(receiver, "the failed request's error line",
					(record) -> "java.lang.IllegalStateException".equals(record.attributes().get("exception.type")));
			assertThat(error.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_ERROR);
			assertThat(error.attributes().get("exception.message")).startsWith("order 1 failed");
			assertThat(error.attributes().get("exception.stacktrace")).contains("java.lang.IllegalStateException");
			// The card number and email of the exception's message are masked in every field.
			assertThat(receiver.records()).allSatisfy((record) -> assertThat(record.toString())
				.doesNotContain("4111 1111 1111 1111")
				.doesNotContain("alice@example.com"));
			assertThat(error.attributes().get("exception.message")).contains("****1111 of ****");

			OtlpLogReceiver.Received sample = await(receiver, "the new group's sample",
					(record) -> "error_sample".equals(record.attributes().get("log_type")));
			assertThat(sample.scope()).isEqualTo("dev.vantage.observability.errors.samples");
			assertThat(sample.attributes().get("error_fingerprint")).hasSize(12);
			assertThat(sample.attributes()).containsEntry("error_type", "java.lang.IllegalStateException");
			JsonNode fields = JsonLines.parse(sample.attributes().get("error_sample"));
			assertThat(fields.path("where").asString()).isEqualTo("/errors/order/{id}");
			assertThat(fields.path("stackTrace").path(0).asString()).startsWith("dev.vantage.observability.");

			OtlpLogReceiver.Received audit = await(receiver, "the audit event",
					(record) -> "authentication.failure".equals(record.attributes().get("type")));
			assertThat(audit.scope()).isEqualTo("AUDIT");
			assertThat(audit.attributes()).containsEntry("log_type", "audit")
				.containsEntry("outcome", "failure")
				.containsEntry("principal", "admin");
		}
	}

	@Test
	void withoutTheEndpointNothingIsShipped() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		try (Service app = start()) {
			app.http().get("/log?text=marker-not-shipped");
			Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
			assertThat(root.getAppender("VANTAGE_OTLP")).isNull();
			// Threads of earlier tests' exporters may linger in this JVM: only new ones count.
			assertThat(Thread.getAllStackTraces().keySet()).filteredOn((thread) -> !before.contains(thread))
				.noneMatch((thread) -> thread.getName().contains("OkHttp"));
		}
	}

	private static OtlpLogReceiver.Received await(OtlpLogReceiver receiver, String what,
			Predicate<OtlpLogReceiver.Received> match) {
		Awaitility.await(what).atMost(Duration.ofSeconds(20)).until(() -> receiver.records().stream().anyMatch(match));
		return receiver.records().stream().filter(match).findFirst().orElseThrow();
	}

}
