package dev.vantage.observability.autoconfigure.errors;

import java.util.concurrent.atomic.AtomicLong;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.internal.ExceptionAttributeResolver;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
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
 * <p>
 * Reading a span's status copies the span, so an ending span is read only while some
 * recorded exception's span has not ended yet: Micrometer Tracing records the exception
 * before it sets the error status, and the SDK calls the resolver on each exception it
 * records. A service without errors in flight pays nothing per span.
 */
final class MaskingSpanExceptions implements ExceptionAttributeResolver, ExtendedSpanProcessor {

	private static final String COMPONENT = "span exception masking";

	/** The name of the event the SDK records an exception as. */
	private static final String EXCEPTION_EVENT = "exception";

	private final ExceptionAttributeResolver resolver = ExceptionAttributeResolver.getDefault();

	private final ErrorTracker tracker;

	private final ObserverFailures failures;

	/** Exceptions recorded on spans not seen ending yet; more than there are costs only a copy. */
	private final AtomicLong pending = new AtomicLong();

	MaskingSpanExceptions(ErrorTracker tracker, ObserverFailures failures) {
		this.tracker = tracker;
		this.failures = failures;
		failures.declare(COMPONENT);
	}

	@Override
	public void setExceptionAttributes(AttributeSetter setter, Throwable throwable, int maxAttributeLength) {
		this.pending.incrementAndGet();
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
		if (this.pending.get() <= 0) {
			return;
		}
		SpanData data = span.toSpanData();
		long exceptions = 0;
		for (EventData event : data.getEvents()) {
			if (EXCEPTION_EVENT.equals(event.getName())) {
				exceptions++;
			}
		}
		if (exceptions > 0) {
			long seen = exceptions;
			this.pending.updateAndGet((count) -> Math.max(0, count - seen));
		}
		StatusData status = data.getStatus();
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

	long pending() {
		return this.pending.get();
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(String value) {
		return (T) value;
	}

}
