package dev.vantage.observability.autoconfigure.logging;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

import dev.vantage.observability.autoconfigure.audit.VantageAuditProperties;
import dev.vantage.observability.autoconfigure.support.VantageDefaults;
import dev.vantage.observability.autoconfigure.support.VantageProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

/**
 * Vantage's Logback configuration (JSON or plain console, and the audit file) where the
 * application has none of its own, the {@code env} and {@code version} fields of log lines,
 * and a banner logged as one line rather than printed between JSON lines. Boot configures
 * Logback from its defaults, in code: the JSON console is Boot's console appender with
 * {@link JsonConsoleFormat} as its structured format, and {@link LogbackSetup} adds the audit
 * file once Boot is done; no XML is read.
 */
public class LoggingDefaults extends VantageDefaults {

	/** Where Logback looks for an application's own configuration; any of them keeps it in control. */
	private static final String[] OWN_LOGBACK_CONFIGURATIONS = { "logback-test.groovy", "logback-test.xml",
			"logback.groovy", "logback.xml", "logback-test-spring.groovy", "logback-test-spring.xml",
			"logback-spring.groovy", "logback-spring.xml" };

	/** The name of the property source that says Vantage configures logging; it holds no properties. */
	static final String CHOSEN = "vantageLogging";

	private static final String CONSOLE_FORMAT = "logging.structured.format.console";

	public LoggingDefaults() {
		super("logging", ORDER + 6);
	}

	@Override
	protected void contribute(ConfigurableEnvironment environment, SpringApplication application,
			Map<String, Object> defaults) {
		String[] profiles = environment.getActiveProfiles();
		defaults.put(VantageLoggingProperties.PREFIX + ".env",
				(profiles.length > 0) ? String.join(",", profiles) : "default");
		defaults.put(VantageLoggingProperties.PREFIX + ".version", "${spring.application.version:unknown}");
		if (!usesVantageLogging(environment, application.getClassLoader())) {
			return;
		}
		boolean plain = "plain"
			.equalsIgnoreCase(environment.getProperty(VantageLoggingProperties.FORMAT, "json").strip());
		// Without the audit log no audit file is opened, nor required to be writable.
		boolean audit = VantageProperties.isEnabled(environment, VantageAuditProperties.PREFIX);
		if (!plain) {
			defaults.put(CONSOLE_FORMAT, JsonConsoleFormat.class.getName());
			// JSON is UTF-8; Boot's console otherwise takes the platform charset (ASCII under a POSIX
			// locale on JDK 17), which would turn every other character into '?'.
			defaults.put("logging.charset.console", "UTF-8");
			// A printed banner is plain text between JSON lines; logged, it is one JSON line.
			defaults.put("spring.main.banner-mode", "log");
		}
		if (audit) {
			requireWritableAuditFile(environment);
		}
		environment.getPropertySources().addLast(new Chosen(audit));
	}

	/**
	 * Vantage's logging writes the audit file from the start; Logback's own error for a file it
	 * cannot create names no property, so say which one before Logback tries.
	 */
	private static void requireWritableAuditFile(ConfigurableEnvironment environment) {
		String property = VantageAuditProperties.PREFIX + ".file";
		String file = environment.getProperty(property, VantageAuditProperties.DEFAULT_FILE);
		String problem;
		try {
			Path path = Path.of(file).toAbsolutePath();
			Path existing = path.getParent();
			while (existing != null && !Files.exists(existing)) {
				existing = existing.getParent();
			}
			if (Files.exists(path)) {
				problem = (Files.isRegularFile(path) && Files.isWritable(path)) ? null : path + " is not a writable file";
			}
			else if (existing == null || !Files.isDirectory(existing)) {
				problem = "its directory cannot be created: " + existing + " is not a directory";
			}
			else {
				problem = Files.isWritable(existing) ? null : existing + " is not writable";
			}
		}
		catch (InvalidPathException ex) {
			problem = ex.getMessage();
		}
		if (problem != null) {
			throw new IllegalStateException("The audit log cannot be written to " + property + "='" + file + "' ("
					+ problem + "). Set " + property + " to a file this process may create; missing directories "
					+ "are created.");
		}
	}

	/**
	 * Vantage configures logging only where nobody else does: Logback with the JSON encoder
	 * on the classpath, and no logging.config, structured logging or logback file of the
	 * application's own.
	 */
	private static boolean usesVantageLogging(ConfigurableEnvironment environment, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", classLoader)
				|| !ClassUtils.isPresent("net.logstash.logback.encoder.LogstashEncoder", classLoader)
				|| environment.containsProperty("logging.config")
				|| environment.containsProperty(CONSOLE_FORMAT)) {
			return false;
		}
		for (String location : OWN_LOGBACK_CONFIGURATIONS) {
			if (new ClassPathResource(location, classLoader).exists()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Says that Vantage configures logging, and whether with the audit file, to
	 * {@link LogbackSetup}; a property source without properties, so the choice travels with
	 * the environment.
	 */
	static final class Chosen extends PropertySource<Boolean> {

		Chosen(boolean audit) {
			super(CHOSEN, audit);
		}

		@Override
		public @Nullable Object getProperty(String name) {
			return null;
		}

	}

}
