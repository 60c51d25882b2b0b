package dev.vantage.observability.autoconfigure.errors;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;

import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.support.ObserverFailures;

/**
 * Masks the exception attributes of log records bound for OTLP ({@code exception.message},
 * {@code exception.stacktrace}) as error tracking masks messages on the console and in the
 * endpoint: card numbers, emails, tokens and masked keys. Boot adds it to the SDK's logger
 * provider ahead of its batch processor, which copies each record as it is emitted. A failure
 * of its own is counted and the record is exported without its exception text rather than
 * with it unmasked.
 */
final class MaskingLogRecordProcessor implements LogRecordProcessor {

	private static final String COMPONENT = "log record masking";

	private static final AttributeKey<String> MESSAGE = AttributeKey.stringKey("exception.message");

	private static final AttributeKey<String> STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

	private final ErrorTracker tracker;

	private final ObserverFailures failures;

	MaskingLogRecordProcessor(ErrorTracker tracker, ObserverFailures failures) {
		this.tracker = tracker;
		this.failures = failures;
		failures.declare(COMPONENT);
	}

	@Override
	public void onEmit(Context context, ReadWriteLogRecord logRecord) {
		try {
			String message = logRecord.getAttribute(MESSAGE);
			if (message != null) {
				logRecord.setAttribute(MESSAGE, this.tracker.maskText(message));
			}
			String stackTrace = logRecord.getAttribute(STACKTRACE);
			if (stackTrace != null) {
				logRecord.setAttribute(STACKTRACE, this.tracker.maskText(stackTrace));
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.failed(COMPONENT, ex);
			logRecord.setAttribute(MESSAGE, "");
			logRecord.setAttribute(STACKTRACE, "");
		}
	}

}
