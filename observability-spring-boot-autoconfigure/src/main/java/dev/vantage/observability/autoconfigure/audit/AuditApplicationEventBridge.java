package dev.vantage.observability.autoconfigure.audit;

import java.util.Locale;
import java.util.Map;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.event.EventListener;

/**
 * Writes Spring Boot's {@link AuditApplicationEvent}s to the audit log. The {@code details}
 * entry (which may hold a session id) is left out; a type containing {@code FAILURE} is a
 * failure.
 */
public final class AuditApplicationEventBridge {

	private final AuditLogger auditLogger;

	/**
	 * Creates the bridge.
	 * @param auditLogger the audit log
	 */
	public AuditApplicationEventBridge(AuditLogger auditLogger) {
		this.auditLogger = auditLogger;
	}

	/**
	 * Writes one Boot audit event.
	 * @param event the event
	 */
	@EventListener
	public void onAuditEvent(AuditApplicationEvent event) {
		org.springframework.boot.actuate.audit.AuditEvent source = event.getAuditEvent();
		String type = source.getType();
		AuditEvent.Builder builder = AuditEvent.builder(type).principal(source.getPrincipal())
			.timestamp(source.getTimestamp())
			.action(type.toLowerCase(Locale.ROOT));
		if (type.toUpperCase(Locale.ROOT).contains("FAILURE")) {
			builder.failure(String.valueOf(source.getData().getOrDefault("message", type)));
		}
		int entries = 0;
		for (Map.Entry<String, Object> entry : source.getData().entrySet()) {
			if (!"details".equals(entry.getKey()) && entries++ < AuditEvent.MAX_METADATA_ENTRIES) {
				builder.metadata(entry.getKey(), String.valueOf(entry.getValue()));
			}
		}
		this.auditLogger.log(builder.build());
	}

}
