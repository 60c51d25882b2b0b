package dev.vantage.observability.autoconfigure.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * Writes {@code service}, {@code version}, {@code env} and {@code host} from the logging
 * context (set by {@code context-fields.xml}) as escaped top-level fields, and nothing else
 * of the context.
 */
public class ServiceFieldsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	private static final String[] FIELDS = { "service", "version", "env", "host" };

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		if (getContext() == null) {
			return;
		}
		for (String field : FIELDS) {
			String value = getContext().getProperty(field);
			if (value != null) {
				generator.writeStringProperty(field, value);
			}
		}
	}

}
