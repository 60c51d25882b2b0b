package dev.vantage.observability.autoconfigure.audit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import dev.vantage.observability.audit.AuditLogger;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Counts errors Logback reports for the audit appender (disk full, file not writable) as
 * audit write failures: Logback appenders report I/O errors to their status manager
 * instead of throwing, so the caller of the {@link AuditLogger} never sees them.
 */
public final class AuditAppenderFailureListener implements StatusListener, InitializingBean, DisposableBean {

	/** The name of the audit appender in the shipped configuration. */
	public static final String AUDIT_APPENDER = "AUDIT_FILE";

	private final AuditLogger auditLogger;

	/**
	 * Creates the listener.
	 * @param auditLogger where failures are counted
	 */
	public AuditAppenderFailureListener(AuditLogger auditLogger) {
		this.auditLogger = auditLogger;
	}

	@Override
	public void addStatusEvent(Status status) {
		if (status.getLevel() == Status.ERROR && status.getOrigin() instanceof Appender<?> appender
				&& AUDIT_APPENDER.equals(appender.getName())) {
			this.auditLogger.writeFailed(null, status.getThrowable());
		}
	}

	@Override
	public void afterPropertiesSet() {
		LoggerContext context = loggerContext();
		if (context != null) {
			context.getStatusManager().add(this);
		}
	}

	@Override
	public void destroy() {
		LoggerContext context = loggerContext();
		if (context != null) {
			context.getStatusManager().remove(this);
		}
	}

	private static @Nullable LoggerContext loggerContext() {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		return (factory instanceof LoggerContext context) ? context : null;
	}

}
