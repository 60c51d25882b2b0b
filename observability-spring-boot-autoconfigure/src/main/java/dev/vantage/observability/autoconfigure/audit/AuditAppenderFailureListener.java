package dev.vantage.observability.autoconfigure.audit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.audit.Slf4jAuditSink;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Counts the audit events Logback reports lost (disk full, file not writable) as audit write
 * failures: appenders report I/O errors to their status manager instead of throwing, so the
 * caller of the {@link AuditLogger} never sees them. The shipped {@link AuditFileAppender}
 * reports every lost event; any other appender under the shipped name is counted by its error
 * statuses, and a startup warning says that Logback's own file appender drops events unseen.
 */
public final class AuditAppenderFailureListener implements StatusListener, InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AuditAppenderFailureListener.class);

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
		if (status instanceof AuditFileAppender.LostEvent) {
			this.auditLogger.writeFailed(null, status.getThrowable());
		}
		else if (status.getLevel() == Status.ERROR && status.getOrigin() instanceof Appender<?> appender
				&& !(appender instanceof AuditFileAppender) && AUDIT_APPENDER.equals(appender.getName())) {
			// An appender of the application's own under the shipped name: its errors are all we see.
			this.auditLogger.writeFailed(null, status.getThrowable());
		}
	}

	@Override
	public void afterPropertiesSet() {
		LoggerContext context = loggerContext();
		if (context != null) {
			context.getStatusManager().add(this);
			Appender<?> appender = context.getLogger(Slf4jAuditSink.LOGGER_NAME).getAppender(AUDIT_APPENDER);
			if (appender != null && !(appender instanceof AuditFileAppender)) {
				logger.warn("The audit appender '{}' is a {}, not Vantage's {}: on a full or read-only volume Logback "
						+ "drops its events without telling, so lost audit events cannot be counted. Include "
						+ "dev/vantage/observability/logging/audit-appender.xml or use {}", AUDIT_APPENDER,
						appender.getClass().getName(), AuditFileAppender.class.getSimpleName(),
						AuditFileAppender.class.getName());
			}
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
