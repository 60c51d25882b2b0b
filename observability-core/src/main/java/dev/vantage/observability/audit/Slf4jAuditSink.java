package dev.vantage.observability.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes audit events to the {@value #LOGGER_NAME} logger, every field a key-value pair
 * plus {@code log_type=audit}; a JSON encoder turns them into one escaped JSON object per
 * line, so no value can start a line or forge a field.
 */
public final class Slf4jAuditSink implements AuditSink {

	/** The logger audit events go to. */
	public static final String LOGGER_NAME = "AUDIT";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	@Override
	public void write(AuditEvent event) {
		LoggingEventBuilder builder = logger.atInfo()
			.addKeyValue("log_type", "audit")
			.addKeyValue("type", event.type())
			.addKeyValue("outcome", event.outcome().value());
		add(builder, "principal", event.principal());
		add(builder, "tenant", event.tenant());
		add(builder, "action", event.action());
		add(builder, "resource", event.resource());
		add(builder, "reason", event.reason());
		add(builder, "clientIp", event.clientIp());
		add(builder, "userAgent", event.userAgent());
		add(builder, "traceId", event.traceId());
		add(builder, "spanId", event.spanId());
		Instant timestamp = event.timestamp();
		if (timestamp != null) {
			builder.addKeyValue("timestamp", timestamp.truncatedTo(ChronoUnit.MILLIS).toString());
		}
		if (!event.metadata().isEmpty()) {
			builder.addKeyValue("metadata", event.metadata());
		}
		builder.log("audit {} {}", event.type(), event.outcome().value());
	}

	private static void add(LoggingEventBuilder builder, String key, @Nullable String value) {
		if (value != null) {
			builder.addKeyValue(key, value);
		}
	}

}
