package dev.vantage.observability.it;

import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.testsupport.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console logging of an application that has no logback configuration of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLoggingTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	/** Everything a hostile caller could put in a log line, including attempts to forge fields. */
	private static final List<String> HOSTILE = List.of("cr\rlf\nboth\r\nend", "nel\u0085ls\u2028ps\u2029done",
			"quote\" backslash\\ tab\t", "\",\"level\":\"ERROR\",\"forged\":\"yes", "}\n{\"level\":\"ERROR\"}",
			"\u0000\u001b[31mansi\u007f");

	@Test
	void consoleLinesAreJsonWithServiceTraceAndTenantFields(CapturedOutput output) {
		try (RunningApp app = RunningApp.start("--spring.application.name=json-shop", "--spring.profiles.active=it",
				"--observability.logging.version=1.2.3")) {
			app.http().get("/log?text=marker-fields", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01",
					"X-Tenant-Id", "acme");
			List<String> lines = JsonLines.linesContaining(output.getOut(), "marker-fields");
			assertThat(lines).hasSize(1);
			JsonNode line = JsonLines.parse(lines.get(0));
			assertThat(line.path("message").asString()).isEqualTo("request says marker-fields");
			assertThat(line.path("level").asString()).isEqualTo("INFO");
			assertThat(line.path("logger_name").asString()).isEqualTo(TestShopApplication.class.getName());
			assertThat(line.path("service").asString()).isEqualTo("json-shop");
			assertThat(line.path("version").asString()).isEqualTo("1.2.3");
			assertThat(line.path("env").asString()).isEqualTo("it");
			assertThat(line.path("traceId").asString()).isEqualTo(TRACE_ID);
			assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
			assertThat(line.path("tenant").asString()).isEqualTo("acme");
			for (String field : List.of("@timestamp", "thread_name", "host")) {
				assertThat(line.has(field)).as(field).isTrue();
			}
			app.http().get("/log?text=marker-no-tenant");
			JsonNode withoutTenant = JsonLines.parse(JsonLines.linesContaining(output.getOut(), "marker-no-tenant").get(0));
			assertThat(withoutTenant.has("tenant")).as("tenant only when known").isFalse();
		}
	}

	@Test
	void everyConsoleLineIsJsonIncludingACustomBanner(CapturedOutput output) {
		try (RunningApp app = RunningApp.start("--spring.banner.location=classpath:custom-banner.txt")) {
			app.http().get("/log?text=marker-all-json");
		}
		List<String> lines = output.getOut().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).hasSizeGreaterThan(10);
		assertThat(lines).allSatisfy((line) -> assertThat(JsonLines.parse(line).isObject()).as(line).isTrue());
		assertThat(JsonLines.linesContaining(output.getOut(), "custom banner of a test app")).hasSize(1);
	}

	@Test
	void hostileContentInEveryFieldGivesOneParseableLinePerEventAndForgesNothing(CapturedOutput output)
			throws InterruptedException {
		try (RunningApp app = RunningApp.start()) {
			Logger logger = LoggerFactory.getLogger("fuzz");
			List<Thread> threads = new ArrayList<>();
			for (int i = 0; i < HOSTILE.size(); i++) {
				String hostile = HOSTILE.get(i);
				String marker = "fuzz-marker-" + i;
				Thread thread = new Thread(() -> {
					MDC.put("fuzz", hostile);
					logger.info(marker + " message " + hostile + " argument {}", hostile,
							new IllegalStateException("exception " + hostile));
					MDC.clear();
				}, "thread " + hostile);
				threads.add(thread);
				thread.start();
			}
			for (Thread thread : threads) {
				thread.join();
			}
			for (int i = 0; i < HOSTILE.size(); i++) {
				String hostile = HOSTILE.get(i);
				List<String> lines = JsonLines.linesContaining(output.getOut(), "fuzz-marker-" + i + " ");
				assertThat(lines).as("lines of event %d", i).hasSize(1);
				JsonNode line = JsonLines.parse(lines.get(0));
				assertThat(line.path("level").asString()).isEqualTo("INFO");
				assertThat(line.has("forged")).isFalse();
				assertThat(line.path("message").asString())
					.isEqualTo("fuzz-marker-" + i + " message " + hostile + " argument " + hostile);
				assertThat(line.path("fuzz").asString()).isEqualTo(hostile);
				assertThat(line.path("thread_name").asString()).isEqualTo("thread " + hostile);
				assertThat(line.path("stack_trace").asString()).contains("exception " + hostile);
			}
		}
	}

	@Test
	void plainFormatForLocalWork(CapturedOutput output) {
		try (RunningApp app = RunningApp.start("--observability.logging.format=plain")) {
			LoggerFactory.getLogger("plain").info("marker-plain");
			List<String> lines = JsonLines.linesContaining(output.getOut(), "marker-plain");
			assertThat(lines).hasSize(1);
			assertThat(lines.get(0)).doesNotStartWith("{").contains(" INFO ");
		}
	}

}
