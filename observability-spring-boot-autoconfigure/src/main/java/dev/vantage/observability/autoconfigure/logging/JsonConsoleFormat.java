package dev.vantage.observability.autoconfigure.logging;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * Vantage's JSON console lines as a format of Boot's structured logging
 * ({@code logging.structured.format.console}, which Vantage defaults to this class where the
 * application configures no logging of its own): Boot builds its console appender from its
 * defaults, in code, and each line is written by a {@link JsonConsoleEncoder}.
 */
public final class JsonConsoleFormat implements StructuredLogFormatter<ILoggingEvent> {

	private final JsonConsoleEncoder encoder = new JsonConsoleEncoder();

	/**
	 * Creates the format; Boot's structured logging passes the environment.
	 * @param environment where the {@code service}, {@code version} and {@code env} fields come from
	 */
	public JsonConsoleFormat(Environment environment) {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (!(factory instanceof LoggerContext context)) {
			throw new IllegalStateException(JsonConsoleFormat.class.getName() + " formats Logback events, but SLF4J is "
					+ "bound to " + factory.getClass().getName());
		}
		ServiceFieldsJsonProvider.putFields(context, environment);
		this.encoder.setContext(context);
		this.encoder.start();
	}

	@Override
	public String format(ILoggingEvent event) {
		return new String(this.encoder.encode(event), StandardCharsets.UTF_8);
	}

	@Override
	public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
		return StandardCharsets.UTF_8.equals(charset) ? this.encoder.encode(event) : format(event).getBytes(charset);
	}

}
