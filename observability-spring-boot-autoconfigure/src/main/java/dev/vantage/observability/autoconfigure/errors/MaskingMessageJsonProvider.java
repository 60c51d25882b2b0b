package dev.vantage.observability.autoconfigure.errors;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * The {@code message} field, with the messages of the line's exception masked where the
 * message repeats them (as a server's "threw exception [...]" line does); any other message
 * is written as it was formatted.
 */
public class MaskingMessageJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

	/** Writes the field as {@code message}. */
	public MaskingMessageJsonProvider() {
		setFieldName("message");
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		String message = event.getFormattedMessage();
		if (message != null) {
			generator.writeStringProperty(getFieldName(),
					(event.getThrowableProxy() != null)
							? LoggedErrors.maskExceptionMessages(message, event.getThrowableProxy()) : message);
		}
	}

}
