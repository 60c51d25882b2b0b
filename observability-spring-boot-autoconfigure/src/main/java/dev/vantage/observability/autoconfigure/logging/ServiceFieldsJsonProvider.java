package dev.vantage.observability.autoconfigure.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.CoreConstants;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;

import org.springframework.core.env.Environment;

/**
 * Writes {@code service}, {@code version}, {@code env} and {@code host} from the logging
 * context (set by {@link #putFields} where Vantage configures logging, by
 * {@code context-fields.xml} where an application's own configuration includes Vantage's
 * fragments) as escaped top-level fields, and nothing else of the context.
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

	/**
	 * Puts the fields' values into the logging context, as {@code context-fields.xml} does.
	 * @param context the logging context
	 * @param environment where the values come from
	 */
	public static void putFields(Context context, Environment environment) {
		context.putProperty("service", environment.getProperty("spring.application.name", "application"));
		context.putProperty("version", environment.getProperty(VantageLoggingProperties.PREFIX + ".version", "unknown"));
		context.putProperty("env", environment.getProperty(VantageLoggingProperties.PREFIX + ".env", "default"));
		context.putProperty("host", context.getProperty(CoreConstants.HOSTNAME_KEY));
	}

}
