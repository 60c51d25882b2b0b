package dev.vantage.observability.autoconfigure.support;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.Appender;
import org.slf4j.LoggerFactory;

/**
 * One of Vantage's Logback appenders on some loggers of the application's Logback context
 * (the root logger, the audit logger): attached while the application runs, attached again
 * after Logback resets (a reload of its configuration), detached and stopped at the end. The
 * application's own appenders and configuration are left as they are. Without Logback as the
 * SLF4J binding it does nothing.
 */
public final class AttachedAppender {

	private final Appender<ILoggingEvent> appender;

	private final List<String> loggers;

	private final ResetListener resetListener = new ResetListener();

	private volatile boolean attached;

	/**
	 * Creates the attachment.
	 * @param appender the appender, named
	 * @param loggers the names of the loggers it is attached to
	 */
	public AttachedAppender(Appender<ILoggingEvent> appender, List<String> loggers) {
		this.appender = appender;
		this.loggers = List.copyOf(loggers);
	}

	/** Starts the appender and attaches it. */
	public void attach() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			this.attached = true;
			attachTo(context);
			context.addListener(this.resetListener);
		}
	}

	/** Detaches the appender and stops it. */
	public void detach() {
		this.attached = false;
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.removeListener(this.resetListener);
			for (String name : this.loggers) {
				context.getLogger(name).detachAppender(this.appender);
			}
		}
		this.appender.stop();
	}

	private void attachTo(LoggerContext context) {
		this.appender.setContext(context);
		if (!this.appender.isStarted()) {
			this.appender.start();
		}
		for (String name : this.loggers) {
			Logger logger = context.getLogger(name);
			if (logger.getAppender(this.appender.getName()) == null) {
				logger.addAppender(this.appender);
			}
		}
	}

	/** Attaches the appender again after a reset. */
	private final class ResetListener implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onReset(LoggerContext context) {
			if (AttachedAppender.this.attached) {
				attachTo(context);
			}
		}

		@Override
		public void onStart(LoggerContext context) {
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
