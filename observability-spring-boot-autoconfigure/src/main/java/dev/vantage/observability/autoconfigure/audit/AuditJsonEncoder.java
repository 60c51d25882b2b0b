package dev.vantage.observability.autoconfigure.audit;

import dev.vantage.observability.autoconfigure.logging.LineSafeCharacterEscapes;
import dev.vantage.observability.autoconfigure.logging.ServiceFieldsJsonProvider;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The encoder of the audit file's lines: the event's own fields (trace ids and tenant come
 * from the event, so the MDC would repeat them), {@code service}, {@code version},
 * {@code env} and {@code host}, escaped so that every record stays one line. The audit
 * appender Vantage configures and the {@code audit-appender.xml} fragment both use it.
 */
public class AuditJsonEncoder extends LogstashEncoder {

	/** Creates the encoder with the audit file's fields and escapes. */
	public AuditJsonEncoder() {
		setIncludeMdc(false);
		setIncludeContext(false);
		addProvider(new ServiceFieldsJsonProvider());
		addDecorator(new LineSafeCharacterEscapes());
	}

}
