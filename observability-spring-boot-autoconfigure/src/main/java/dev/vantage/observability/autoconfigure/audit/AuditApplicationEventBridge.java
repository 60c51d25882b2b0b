package dev.vantage.observability.autoconfigure.audit;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.security.SecurityEventRecorder;
import dev.vantage.observability.support.ObserverFailures;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.event.EventListener;

/**
 * Writes Spring Boot's {@link AuditApplicationEvent}s to the audit log. The {@code details}
 * entry (which may hold a session id) is left out; a type containing {@code FAILURE} is a
 * failure. Boot's authentication and authorization events are left out when Vantage's
 * {@link SecurityEventRecorder} audits the same facts, so one login is one audit line.
 */
final class AuditApplicationEventBridge {

	/** The types Boot's Spring Security listeners publish for what the recorder audits. */
	private static final Set<String> SECURITY_TYPES = Set.of("AUTHENTICATION_SUCCESS", "AUTHENTICATION_FAILURE",
			"AUTHORIZATION_FAILURE");

	private static final String COMPONENT = "Boot audit event listener";

	private final AuditLogger auditLogger;

	private final ObjectProvider<SecurityEventRecorder> securityEvents;

	private final ObserverFailures failures;

	AuditApplicationEventBridge(AuditLogger auditLogger, ObjectProvider<SecurityEventRecorder> securityEvents,
			ObserverFailures failures) {
		this.auditLogger = auditLogger;
		this.securityEvents = securityEvents;
		this.failures = failures;
		failures.declare(COMPONENT);
	}

	/**
	 * Writes one Boot audit event.
	 * @param event the event
	 */
	@EventListener
	void onAuditEvent(AuditApplicationEvent event) {
		this.failures.run(COMPONENT, () -> write(event));
	}

	private void write(AuditApplicationEvent event) {
		org.springframework.boot.actuate.audit.AuditEvent source = event.getAuditEvent();
		String type = source.getType();
		if (SECURITY_TYPES.contains(type) && this.securityEvents.getIfAvailable() != null) {
			return;
		}
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
