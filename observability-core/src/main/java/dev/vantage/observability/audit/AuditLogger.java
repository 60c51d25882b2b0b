package dev.vantage.observability.audit;

import dev.vantage.observability.support.Arguments;
import org.jspecify.annotations.Nullable;

/**
 * Writes audit events. A {@code null} event throws {@link IllegalArgumentException}; a
 * failed write never reaches domain code. {@link SinkAuditLogger} writes and counts;
 * {@link #discarding()} writes nothing, for when the audit log is switched off.
 */
public interface AuditLogger {

	/** Audit events written, by type and outcome. */
	String EVENTS_METER = "audit.events";

	/** Audit events that could not be written; must stay 0. */
	String FAILURES_METER = "audit.write.failures";

	/**
	 * Returns an audit logger that checks its argument and discards every event.
	 * @return the discarding logger
	 */
	static AuditLogger discarding() {
		return (event) -> Arguments.requireNonNull(event, "event");
	}

	/**
	 * Writes an event.
	 * @param event the event
	 */
	void log(AuditEvent event);

	/**
	 * Counts a write that failed after the event was handed on, for example an I/O error
	 * reported by an appender.
	 * @param type the event type, when known
	 * @param cause what went wrong
	 */
	default void writeFailed(@Nullable String type, @Nullable Throwable cause) {
	}

}
