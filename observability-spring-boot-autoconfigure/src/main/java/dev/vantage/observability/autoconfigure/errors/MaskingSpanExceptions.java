package dev.vantage.observability.autoconfigure.errors;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.internal.ExceptionAttributeResolver;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import io.opentelemetry.api.trace.StatusCode;

import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.support.ObserverFailures;

/**
 * Masks what spans carry of exceptions, as error tracking masks messages in logs and the
 * endpoint: the {@code exception.message} and {@code exception.stacktrace} of every exception
 * event, where the OpenTelemetry SDK makes them (its exception attribute resolver), and the
 * error status description (Micrometer Tracing sets it to the exception's message), while the
 * span is ending and still writable, before any exporter sees it. A failure of its own is
 * counted, and the text is dropped rather than exported unmasked.
 */
final class MaskingSpanExceptions implements ExceptionAttributeResolver, ExtendedSpanProcessor {

	private static final String COMPONENT = "span exception masking";

	private final ExceptionAttributeResolver resolver = ExceptionAttributeResolver.getDefault();

	private final ErrorTracker tracker;

	private final ObserverFailures failures;

	MaskingSpanExceptions(ErrorTracker tracker, ObserverFailures failures) {
		this.tracker = tracker;
		this.failures = failures;
		failures.declare(COMPONENT);
	}

	@Override
	public void setExceptionAttributes(AttributeSetter setter, Throwable throwable, int maxAttributeLength) {
		this.resolver.setExceptionAttributes(new AttributeSetter() {

			@Override
			public <T> void setAttribute(AttributeKey<T> key, T value) {
				setter.setAttribute(key, (value instanceof String text && !EXCEPTION_TYPE.equals(key))
						? MaskingSpanExceptions.<T>cast(mask(text)) : value);
			}

		}, throwable, maxAttributeLength);
	}

	@Override
	public void onEnding(ReadWriteSpan span) {
		StatusData status = span.toSpanData().getStatus();
		if (status.getStatusCode() == StatusCode.ERROR && !status.getDescription().isEmpty()) {
			span.setStatus(StatusCode.ERROR, mask(status.getDescription()));
		}
	}

	@Override
	public boolean isOnEndingRequired() {
		return true;
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
	}

	@Override
	public boolean isEndRequired() {
		return false;
	}

	private String mask(String text) {
		try {
			return this.tracker.maskText(text);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.failed(COMPONENT, ex);
			return "";
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(String value) {
		return (T) value;
	}

}
