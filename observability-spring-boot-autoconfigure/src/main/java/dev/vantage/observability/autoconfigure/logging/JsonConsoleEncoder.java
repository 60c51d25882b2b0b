package dev.vantage.observability.autoconfigure.logging;

import dev.vantage.observability.autoconfigure.errors.ErrorFieldsJsonProvider;
import dev.vantage.observability.autoconfigure.errors.MaskingMessageJsonProvider;
import dev.vantage.observability.autoconfigure.errors.MaskingThrowableConverter;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashCommonFieldNames;
import net.logstash.logback.fieldnames.LogstashFieldNames;

/**
 * The encoder of Vantage's JSON console lines: one JSON object per line with
 * {@code @timestamp}, {@code level}, {@code logger_name}, {@code thread_name}, {@code message}
 * and {@code stack_trace} (the exception's messages masked), {@code error_type},
 * {@code error_message} and {@code error_fingerprint} when an exception is logged,
 * {@code service}, {@code version}, {@code env}, {@code host} and the MDC, escaped so that
 * every record stays one line. Vantage's console ({@link JsonConsoleFormat}) and the
 * {@code json-console-appender.xml} fragment both use it.
 */
public class JsonConsoleEncoder extends LogstashEncoder {

	/** Creates the encoder with Vantage's fields and escapes. */
	public JsonConsoleEncoder() {
		setIncludeContext(false);
		// message and stack_trace with the exception's messages masked, as error_message.
		LogstashFieldNames fieldNames = new LogstashFieldNames();
		fieldNames.setMessage(LogstashCommonFieldNames.IGNORE_FIELD_INDICATOR);
		setFieldNames(fieldNames);
		addProvider(new MaskingMessageJsonProvider());
		setThrowableConverter(new MaskingThrowableConverter());
		addProvider(new ServiceFieldsJsonProvider());
		addProvider(new ErrorFieldsJsonProvider());
		addDecorator(new LineSafeCharacterEscapes());
	}

}
