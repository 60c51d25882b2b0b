package dev.vantage.observability.audit;

/**
 * Where complete, masked audit events are written.
 */
@FunctionalInterface
public interface AuditSink {

	/**
	 * Writes one event; throwing tells the {@link AuditLogger} the write failed.
	 * @param event the event, with every default filled and every value masked
	 */
	void write(AuditEvent event);

}
