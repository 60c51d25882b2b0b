package dev.vantage.observability.autoconfigure.logging;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;

import org.springframework.context.SmartLifecycle;

import dev.vantage.observability.audit.Slf4jAuditSink;
import dev.vantage.observability.autoconfigure.support.AttachedAppender;
import dev.vantage.observability.autoconfigure.errors.LoggedErrors;

/**
 * Ships log records over OTLP: OpenTelemetry's Logback appender, on the SDK Boot built (its
 * resource, its OTLP log exporter), on the root logger and on the audit logger, while the
 * application runs. Each record carries the trace and span ids of the span current when it was
 * logged, the tenant (from the MDC), the thread, the exception's type, message and stack trace,
 * and, for audit events, every field of the event as an attribute. The console JSON stays as
 * it is. As on the console, the messages of a record's exception are masked where they appear
 * in its message (here) and in its exception attributes (error tracking's log record processor).
 */
final class OpenTelemetryLogExport implements SmartLifecycle {

	/** Boot's property that switches OTLP log export on, and this with it. */
	static final String ENDPOINT = "management.opentelemetry.logging.export.otlp.endpoint";

	static final String APPENDER = "VANTAGE_OTLP";

	private final AttachedAppender attachment;

	private volatile boolean running;

	OpenTelemetryLogExport(OpenTelemetry openTelemetry) {
		OpenTelemetryAppender appender = new OpenTelemetryAppender() {

			@Override
			protected void append(ILoggingEvent event) {
				super.append(LoggedErrors.masked(event));
			}

		};
		appender.setName(APPENDER);
		appender.setOpenTelemetry(openTelemetry);
		appender.setCaptureExperimentalAttributes(true);
		appender.setCaptureKeyValuePairAttributes(true);
		appender.setCaptureMdcAttributes("tenant");
		this.attachment = new AttachedAppender(appender, List.of(Logger.ROOT_LOGGER_NAME, Slf4jAuditSink.LOGGER_NAME));
	}

	@Override
	public void start() {
		this.attachment.attach();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.attachment.detach();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
