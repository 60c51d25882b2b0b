package dev.vantage.observability.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import dev.vantage.observability.autoconfigure.audit.AuditFileLogging;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Completes Vantage's logging right after Boot has configured Logback from its defaults,
 * which {@link LoggingDefaults} chose (the application has no logging configuration of its
 * own): the audit file, the service fields of the JSON lines, packaging data off (stack
 * traces of logged exceptions do not look up the jar of every frame). Everything in code; no
 * XML is read. Nothing where the application configures logging itself.
 */
public final class LogbackSetup implements GenericApplicationListener {

	/** Right after Boot's logging listener. */
	public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

	/** Creates the listener; Boot makes it from {@code META-INF/spring.factories}. */
	public LogbackSetup() {
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType.toClass());
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		ConfigurableEnvironment environment = ((ApplicationEnvironmentPreparedEvent) event).getEnvironment();
		if (environment.getPropertySources().get(LoggingDefaults.CHOSEN) instanceof LoggingDefaults.Chosen chosen) {
			Logback.complete(environment, chosen.getSource());
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/** Logback's types, loaded only where Vantage configures Logback. */
	private static final class Logback {

		static void complete(ConfigurableEnvironment environment, boolean audit) {
			if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
					|| context.getObject(LoggingSystem.class.getName()) == null) {
				return; // Boot did not configure Logback (another logging system, or none).
			}
			context.setPackagingDataEnabled(false);
			ServiceFieldsJsonProvider.putFields(context, environment);
			if (audit) {
				AuditFileLogging.attach(context, environment);
			}
			// Boot also copies the console format to a system property, for configuration files read
			// later; Vantage's console reads none, and the next application in this JVM (a test
			// suite's next context) must not inherit it.
			String property = LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName();
			if (JsonConsoleFormat.class.getName().equals(System.getProperty(property))) {
				System.clearProperty(property);
			}
		}

	}

}
