package dev.vantage.observability.autoconfigure.errors;

import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

import dev.vantage.observability.autoconfigure.support.AttachedAppender;
import dev.vantage.observability.errors.Breadcrumbs;
import dev.vantage.observability.errors.ErrorContext;
import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.tenant.TenantContext;
import dev.vantage.observability.support.ObserverFailures;

/**
 * Counts every exception logged at ERROR and keeps each request's or job's last lines as its
 * breadcrumbs ({@link RequestBreadcrumbs}): an appender on Logback's root logger that sees
 * what every other root appender sees (loggers with additivity off are theirs alone) and
 * writes nothing. It is attached while the application runs (and again after Logback reloads its
 * configuration, see {@link AttachedAppender}), and makes the tracker known to the log
 * encoders ({@link LoggedErrors}).
 */
final class ErrorLogCapture implements SmartLifecycle {

	static final String COMPONENT = "log error tracking";

	static final String APPENDER = "VANTAGE_ERRORS";

	private final ErrorTracker tracker;

	private final ObserverFailures failures;

	private final AttachedAppender attachment;

	private volatile boolean running;

	ErrorLogCapture(ErrorTracker tracker, Set<String> unhandledLoggers, @Nullable RequestBreadcrumbs breadcrumbs,
			ErrorSampleLog samples, ObserverFailures failures) {
		this.tracker = tracker;
		this.failures = failures;
		Appender appender = new Appender(tracker, Set.copyOf(unhandledLoggers), breadcrumbs, samples, failures);
		appender.setName(APPENDER);
		this.attachment = new AttachedAppender(appender, List.of(Logger.ROOT_LOGGER_NAME));
		failures.declare(COMPONENT);
	}

	@Override
	public void start() {
		LoggedErrors.use(this.tracker, this.failures);
		this.attachment.attach();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.attachment.detach();
		LoggedErrors.release(this.tracker);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Records ERROR events with an exception, with the breadcrumbs before them, and keeps every
	 * other event of a request or job as a breadcrumb; a failure of its own is counted and
	 * skipped.
	 */
	static final class Appender extends UnsynchronizedAppenderBase<ILoggingEvent> {

		private final ErrorTracker tracker;

		private final Set<String> unhandledLoggers;

		private final @Nullable RequestBreadcrumbs breadcrumbs;

		private final ErrorSampleLog samples;

		private final ObserverFailures failures;

		Appender(ErrorTracker tracker, Set<String> unhandledLoggers, @Nullable RequestBreadcrumbs breadcrumbs,
				ErrorSampleLog samples, ObserverFailures failures) {
			this.tracker = tracker;
			this.unhandledLoggers = unhandledLoggers;
			this.breadcrumbs = breadcrumbs;
			this.samples = samples;
			this.failures = failures;
		}

		@Override
		protected void append(ILoggingEvent event) {
			try {
				String logger = event.getLoggerName();
				Breadcrumbs ring = (this.breadcrumbs != null && !ErrorSampleLog.LOGGER.equals(logger))
						? this.breadcrumbs.current() : null;
				IThrowableProxy error = event.getThrowableProxy();
				if (error != null && event.getLevel().isGreaterOrEqual(Level.ERROR)) {
					String tenant = TenantContext.currentOrNull();
					// Outside a request nothing is known: no context is made for the line.
					ErrorContext context = (ring == null && tenant == null) ? ErrorContext.NONE
							: new ErrorContext(null, null, Map.of(), tenant, null, ring);
					this.samples.report(this.tracker.recordLog(error, LogbackThrowables.ACCESS, logger,
							!this.unhandledLoggers.contains(logger), event.getMDCPropertyMap().get("traceId"), context));
				}
				if (ring != null) {
					ring.add(event.getTimeStamp(), event.getLevel().levelStr, logger, event.getFormattedMessage());
				}
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.failed(COMPONENT, ex);
			}
		}

	}

}
