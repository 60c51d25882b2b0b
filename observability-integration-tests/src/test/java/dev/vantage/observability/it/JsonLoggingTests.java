package dev.vantage.observability.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.autoconfigure.audit.AuditFileAppender;
import dev.vantage.observability.autoconfigure.audit.AuditJsonEncoder;
import dev.vantage.observability.autoconfigure.logging.JsonConsoleEncoder;
import dev.vantage.observability.testsupport.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Console logging of an application that has no logback configuration of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings("unchecked")
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
			LoggerContext context = loggerContext();
			assertThat(consoleEncoder(context, "CONSOLE")).isInstanceOf(PatternLayoutEncoder.class);
			assertThat(context.getLogger("AUDIT").getAppender("AUDIT_FILE")).isInstanceOf(AuditFileAppender.class);
			assertThat(context.getObject(CoreConstants.SAFE_JORAN_CONFIGURATION)).as("configured from XML").isNull();
		}
	}

	@Test
	void bootConfiguresTheConsoleInCodeAndVantageTheAuditFileWithoutXmlOrPackagingData(CapturedOutput output) {
		try (RunningApp app = RunningApp.start("--logging.threshold.console=WARN")) {
			LoggerContext context = loggerContext();
			assertThat(context.getObject(CoreConstants.SAFE_JORAN_CONFIGURATION)).as("configured from XML").isNull();
			assertThat(consoleEncoder(context, "CONSOLE")).isInstanceOf(StructuredLogEncoder.class);
			LoggerFactory.getLogger("threshold").info("marker-below-threshold");
			assertThat(output.getOut()).doesNotContain("marker-below-threshold");
			Appender<ILoggingEvent> audit = context.getLogger("AUDIT").getAppender("AUDIT_FILE");
			assertThat(audit).isInstanceOf(AuditFileAppender.class);
			assertThat(((AuditFileAppender<ILoggingEvent>) audit).getEncoder()).isInstanceOf(AuditJsonEncoder.class);
			assertThat(((AuditFileAppender<ILoggingEvent>) audit).getRollingPolicy())
				.isInstanceOfSatisfying(SizeAndTimeBasedRollingPolicy.class, (rolling) -> assertThat(
						rolling.getFileNamePattern()).isEqualTo("target/audit/audit.json.%d{yyyy-MM-dd}.%i.gz"));
			assertThat(context.isPackagingDataEnabled()).isFalse();
			assertThat(System.getProperty("CONSOLE_LOG_STRUCTURED_FORMAT")).as("left for the next application").isNull();
			LoggerFactory.getLogger("packaging").warn("marker-packaging", new IllegalStateException("boom"));
			JsonNode line = JsonLines.parse(JsonLines.linesContaining(output.getOut(), "marker-packaging").get(0));
			assertThat(line.path("stack_trace").asString()).contains("IllegalStateException: boom")
				.as("packaging data").doesNotContain("~[").doesNotContain(":na]");
		}
	}

	@Test
	void anAuditFileSizeThatIsNoSizeStopsStartupNamingTheProperty() {
		assertThatException().isThrownBy(() -> RunningApp.start("--observability.audit.max-file-size=lots").close())
			.withStackTraceContaining("observability.audit.max-file-size");
	}

	@Test
	void theFragmentsWorkInAnApplicationsOwnConfigurationWithOneAuditAppender(CapturedOutput output,
			@TempDir Path directory) throws IOException {
		Path auditFile = directory.resolve("audit.json");
		try (RunningApp app = RunningApp.start("--logging.config=classpath:logback-with-vantage-fragments.xml",
				"--spring.application.name=own-config", "--observability.logging.version=2.0.0",
				"--observability.audit.file=" + auditFile)) {
			LoggerContext context = loggerContext();
			assertThat(context.getObject(CoreConstants.SAFE_JORAN_CONFIGURATION)).as("configured from XML").isNotNull();
			assertThat(consoleEncoder(context, "CONSOLE_JSON")).isInstanceOf(JsonConsoleEncoder.class);
			assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNull();
			assertThat(context.getLoggerList()).filteredOn((logger) -> logger.getAppender("AUDIT_FILE") != null)
				.singleElement().extracting(ch.qos.logback.classic.Logger::getName).isEqualTo("AUDIT");
			LoggerFactory.getLogger("own").warn("marker-own-config {}", "nel\u2028ps",
					new IllegalStateException("login failed password=hunter2"));
			String raw = JsonLines.linesContaining(output.getOut(), "marker-own-config").get(0);
			assertThat(raw).contains("nel\\u2028ps").doesNotContain("hunter2");
			JsonNode line = JsonLines.parse(raw);
			assertThat(line.path("service").asString()).isEqualTo("own-config");
			assertThat(line.path("version").asString()).isEqualTo("2.0.0");
			assertThat(line.path("error_type").asString()).isEqualTo(IllegalStateException.class.getName());
			assertThat(line.path("error_fingerprint").asString()).isNotEmpty();
			app.bean(AuditLogger.class).log(AuditEvent.builder("fragment.check").principal("alice").build());
			JsonNode event = JsonLines.parse(Files.readAllLines(auditFile).get(0));
			assertThat(event.path("type").asString()).isEqualTo("fragment.check");
			assertThat(event.path("service").asString()).isEqualTo("own-config");
			assertThat(event.has("host")).isTrue();
		}
	}

	@Test
	void anApplicationWithVantageOffAfterOneWithItLogsAsBootDoes(CapturedOutput output) {
		try (RunningApp app = RunningApp.start()) {
			LoggerFactory.getLogger("on").info("marker-vantage-on");
		}
		try (RunningApp app = RunningApp.start("--observability.enabled=false")) {
			LoggerFactory.getLogger("off").info("marker-vantage-off");
			assertThat(JsonLines.linesContaining(output.getOut(), "marker-vantage-on").get(0)).startsWith("{");
			assertThat(JsonLines.linesContaining(output.getOut(), "marker-vantage-off").get(0)).doesNotStartWith("{");
			assertThat(loggerContext().getLogger("AUDIT").getAppender("AUDIT_FILE")).isNull();
		}
	}

	private static LoggerContext loggerContext() {
		return (LoggerContext) LoggerFactory.getILoggerFactory();
	}

	private static Encoder<ILoggingEvent> consoleEncoder(LoggerContext context, String name) {
		Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(name);
		assertThat(appender).as(name).isInstanceOf(ConsoleAppender.class);
		return ((ConsoleAppender<ILoggingEvent>) appender).getEncoder();
	}

}
