package dev.vantage.observability.autoconfigure.errors;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;

import dev.vantage.observability.errors.ErrorTracker;

/**
 * Writes {@code error_type}, {@code error_message} (masked) and {@code error_fingerprint} on
 * every line that carries an exception, beside the {@code stack_trace} the encoder writes, so
 * that a log search by group, and from a group's trace id to its lines, works. Without error
 * tracking it writes nothing.
 */
public class ErrorFieldsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		IThrowableProxy error = event.getThrowableProxy();
		ErrorTracker tracker = (error != null) ? LoggedErrors.tracker() : null;
		if (tracker == null) {
			return;
		}
		String message;
		String fingerprint;
		try {
			message = tracker.maskMessage(error.getMessage());
			fingerprint = tracker.fingerprint(error, LogbackThrowables.ACCESS);
		}
		catch (RuntimeException | LinkageError ex) {
			// The line is written without the error fields, never lost.
			LoggedErrors.failed(ex);
			return;
		}
		generator.writeStringProperty("error_type", error.getClassName());
		if (message != null) {
			generator.writeStringProperty("error_message", message);
		}
		generator.writeStringProperty("error_fingerprint", fingerprint);
	}

}
