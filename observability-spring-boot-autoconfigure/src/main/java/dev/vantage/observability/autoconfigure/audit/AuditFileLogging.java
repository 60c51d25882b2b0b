package dev.vantage.observability.autoconfigure.audit;

import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import dev.vantage.observability.audit.Slf4jAuditSink;
import dev.vantage.observability.autoconfigure.logging.ServiceFieldsJsonProvider;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The audit file configured in code, as {@code audit-appender.xml} configures it: the
 * {@code AUDIT} logger writes to an {@link AuditFileAppender} named
 * {@value AuditAppenderFailureListener#AUDIT_APPENDER} only, through an
 * {@link AuditJsonEncoder}, rolling by size and day as {@code observability.audit.*} says.
 */
public final class AuditFileLogging {

	private AuditFileLogging() {
	}

	/**
	 * Attaches the audit appender to the {@code AUDIT} logger, unless it has one by that name
	 * already (logging was not configured again since). A level the application set for the
	 * logger stays; otherwise it is {@code INFO}, whatever the root's.
	 * @param context the logging context, as Boot configured it
	 * @param environment the application's environment
	 * @throws IllegalStateException if the appender cannot start, naming the property
	 */
	public static void attach(LoggerContext context, Environment environment) {
		Logger logger = context.getLogger(Slf4jAuditSink.LOGGER_NAME);
		if (logger.getAppender(AuditAppenderFailureListener.AUDIT_APPENDER) != null) {
			return;
		}
		VantageAuditProperties properties = Binder.get(environment)
			.bindOrCreate(VantageAuditProperties.PREFIX, VantageAuditProperties.class);
		ServiceFieldsJsonProvider.putFields(context, environment);
		int statuses = context.getStatusManager().getCount();
		AuditJsonEncoder encoder = new AuditJsonEncoder();
		encoder.setContext(context);
		encoder.start();
		AuditFileAppender<ILoggingEvent> appender = new AuditFileAppender<>();
		appender.setContext(context);
		appender.setName(AuditAppenderFailureListener.AUDIT_APPENDER);
		appender.setFile(properties.getFile());
		appender.setEncoder(encoder);
		SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
		rolling.setContext(context);
		rolling.setFileNamePattern(properties.getFile() + ".%d{yyyy-MM-dd}.%i.gz");
		rolling.setMaxFileSize(new FileSize(properties.getMaxFileSize().toBytes()));
		rolling.setMaxHistory(properties.getMaxHistory());
		rolling.setTotalSizeCap(new FileSize(properties.getTotalSizeCap().toBytes()));
		rolling.setParent(appender);
		appender.setRollingPolicy(rolling);
		rolling.start();
		appender.start();
		if (!appender.isStarted()) {
			String errors = context.getStatusManager().getCopyOfStatusList().stream().skip(statuses)
				.filter((status) -> status.getLevel() == Status.ERROR).map(Status::getMessage)
				.collect(Collectors.joining("; "));
			throw new IllegalStateException("The audit log cannot be written to " + VantageAuditProperties.PREFIX
					+ ".file='" + properties.getFile() + "': " + errors);
		}
		logger.addAppender(appender);
		logger.setAdditive(false);
		if (logger.getLevel() == null) {
			logger.setLevel(Level.INFO);
		}
	}

}
