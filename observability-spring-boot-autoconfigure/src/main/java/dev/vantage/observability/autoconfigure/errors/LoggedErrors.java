package dev.vantage.observability.autoconfigure.errors;

import ch.qos.logback.classic.spi.IThrowableProxy;
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
