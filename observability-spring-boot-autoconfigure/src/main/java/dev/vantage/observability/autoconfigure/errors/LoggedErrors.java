package dev.vantage.observability.autoconfigure.errors;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.jspecify.annotations.Nullable;

import dev.vantage.observability.errors.ErrorFingerprinter;
import dev.vantage.observability.errors.ErrorTracker;

/**
 * The tracker the log encoders ask for fingerprints and masking. Logback builds its encoders
 * from its configuration files before any application context exists, so they find the
 * tracker here once the context has started it; until then (and without error tracking)
 * their lines have no fingerprint.
 */
public final class LoggedErrors {

	private static volatile @Nullable ErrorTracker current;

	private LoggedErrors() {
	}

	static void use(ErrorTracker tracker) {
		current = tracker;
	}

	static synchronized void release(ErrorTracker tracker) {
		if (current == tracker) {
			current = null;
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
		IThrowableProxy cause = error;
		for (int depth = 0; tracker != null && cause != null && depth < ErrorFingerprinter.MAX_CHAIN; depth++) {
			String message = cause.getMessage();
			String masked = (message != null && !message.isEmpty()) ? tracker.maskText(message) : null;
			if (masked != null && !masked.equals(message)) {
				text = text.replace(message, masked);
			}
			cause = cause.getCause();
		}
		return text;
	}

}
