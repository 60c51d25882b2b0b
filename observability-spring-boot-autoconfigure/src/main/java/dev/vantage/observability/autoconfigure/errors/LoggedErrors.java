package dev.vantage.observability.autoconfigure.errors;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.jspecify.annotations.Nullable;

import dev.vantage.observability.errors.ErrorFingerprinter;
import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.support.ObserverFailures;

/**
 * The tracker the log encoders ask for fingerprints and masking. Logback builds its encoders
 * from its configuration files before any application context exists, so they find the
 * tracker here once the context has started it; until then (and without error tracking)
 * their lines have no fingerprint.
 */
public final class LoggedErrors {

	/** The component the log encoders' failures are counted under. */
	static final String COMPONENT = "error log fields";

	private static volatile @Nullable ErrorTracker current;

	private static volatile @Nullable ObserverFailures failures;

	private LoggedErrors() {
	}

	static synchronized void use(ErrorTracker tracker, ObserverFailures observerFailures) {
		observerFailures.declare(COMPONENT);
		failures = observerFailures;
		current = tracker;
	}

	static synchronized void release(ErrorTracker tracker) {
		if (current == tracker) {
			current = null;
			failures = null;
		}
	}

	/**
	 * Returns the tracker of the running application.
	 * @return the tracker, or {@code null}
	 */
	public static @Nullable ErrorTracker tracker() {
		return current;
	}

	/**
	 * Masks, in a log line's text, the messages of its exception and of the exception's
	 * causes, as the errors endpoint masks them; text without anything to mask is returned as is.
	 * @param text the message or stack trace of the line
	 * @param error the line's exception, or {@code null}
	 * @return the text to write
	 */
	static String maskExceptionMessages(String text, @Nullable IThrowableProxy error) {
		ErrorTracker tracker = current;
		if (tracker == null || error == null) {
			return text;
		}
		try {
			String masked = text;
			IThrowableProxy cause = error;
			for (int depth = 0; cause != null && depth < ErrorFingerprinter.MAX_CHAIN; depth++) {
				String message = cause.getMessage();
				String maskedMessage = (message != null && !message.isEmpty()) ? tracker.maskText(message) : null;
				if (maskedMessage != null && !maskedMessage.equals(message)) {
					masked = masked.replace(message, maskedMessage);
				}
				cause = cause.getCause();
			}
			return masked;
		}
		catch (RuntimeException | LinkageError ex) {
			failed(ex);
			return text;
		}
	}

	/**
	 * The event as a log shipper is to see it: the event itself, or, when the messages of its
	 * exception appear in its message (Tomcat's "threw exception [...]" line, say), a copy with
	 * them masked, as the JSON console writes it. Only the error path pays for the copy.
	 * @param event the event
	 * @return the event, or its masked copy
	 */
	public static ILoggingEvent masked(ILoggingEvent event) {
		IThrowableProxy error = event.getThrowableProxy();
		String message = (error != null) ? event.getFormattedMessage() : null;
		String masked = (message != null) ? maskExceptionMessages(message, error) : null;
		if (masked == null || masked.equals(message)) {
			return event;
		}
		try {
			LoggingEvent copy = new LoggingEvent();
			copy.setLoggerName(event.getLoggerName());
			copy.setLoggerContextRemoteView(event.getLoggerContextVO());
			copy.setLevel(event.getLevel());
			copy.setMessage(masked);
			copy.setThreadName(event.getThreadName());
			copy.setInstant(event.getInstant());
			copy.setSequenceNumber(event.getSequenceNumber());
			copy.setMDCPropertyMap(event.getMDCPropertyMap());
			copy.setKeyValuePairs(event.getKeyValuePairs());
			if (event.getMarkerList() != null) {
				event.getMarkerList().forEach(copy::addMarker);
			}
			if (event.hasCallerData()) {
				copy.setCallerData(event.getCallerData());
			}
			if (error instanceof ThrowableProxy proxy) {
				copy.setThrowableProxy(proxy);
			}
			return copy;
		}
		catch (RuntimeException | LinkageError ex) {
			failed(ex);
			return event;
		}
	}

	/**
	 * Counts a failure of the log encoders' error code; the line is written without what failed.
	 * @param failure what was thrown
	 */
	static void failed(Throwable failure) {
		ObserverFailures observerFailures = failures;
		if (observerFailures != null) {
			observerFailures.failed(COMPONENT, failure);
		}
	}

}
