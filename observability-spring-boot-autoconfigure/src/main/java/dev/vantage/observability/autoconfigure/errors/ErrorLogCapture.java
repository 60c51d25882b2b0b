package dev.vantage.observability.autoconfigure.errors;

import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.support.ObserverFailures;

/**
 * Counts every exception logged at ERROR: an appender on Logback's root logger that sees what
 * every other root appender sees (loggers with additivity off are theirs alone) and writes
 * nothing. It is attached while the application runs, again after Logback reloads its
 * configuration, and makes the tracker known to the log encoders ({@link LoggedErrors}).
 */
final class ErrorLogCapture implements SmartLifecycle {

	static final String COMPONENT = "log error tracking";

	static final String APPENDER = "VANTAGE_ERRORS";

	private final ErrorTracker tracker;

	private final Appender appender;

	private final ResetListener resetListener = new ResetListener();

	private volatile boolean running;

	ErrorLogCapture(ErrorTracker tracker, Set<String> unhandledLoggers, ObserverFailures failures) {
		this.tracker = tracker;
		this.appender = new Appender(tracker, Set.copyOf(unhandledLoggers), failures);
		failures.declare(COMPONENT);
	}

	@Override
	public void start() {
		LoggedErrors.use(this.tracker);
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (factory instanceof LoggerContext context) {
			attach(context);
			context.addListener(this.resetListener);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.removeListener(this.resetListener);
			context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this.appender);
		}
		this.appender.stop();
		LoggedErrors.release(this.tracker);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void attach(LoggerContext context) {
		this.appender.setContext(context);
		this.appender.setName(APPENDER);
		this.appender.start();
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(APPENDER) == null) {
			root.addAppender(this.appender);
		}
	}

	/** Attaches the appender again after a reset (a reload of Logback's configuration). */
	private final class ResetListener implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onReset(LoggerContext context) {
			if (ErrorLogCapture.this.running) {
				attach(context);
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

	/** Records ERROR events with an exception; a failure of its own is counted and skipped. */
	static final class Appender extends UnsynchronizedAppenderBase<ILoggingEvent> {

		private final ErrorTracker tracker;

		private final Set<String> unhandledLoggers;

		private final ObserverFailures failures;

		Appender(ErrorTracker tracker, Set<String> unhandledLoggers, ObserverFailures failures) {
			this.tracker = tracker;
			this.unhandledLoggers = unhandledLoggers;
			this.failures = failures;
		}

		@Override
		protected void append(ILoggingEvent event) {
			IThrowableProxy error = event.getThrowableProxy();
			if (error == null || !event.getLevel().isGreaterOrEqual(Level.ERROR)) {
				return;
			}
			try {
				String logger = event.getLoggerName();
				this.tracker.recordLog(error, LogbackThrowables.ACCESS, logger, !this.unhandledLoggers.contains(logger),
						event.getMDCPropertyMap().get("traceId"));
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.failed(COMPONENT, ex);
			}
		}

	}

}
