package dev.vantage.observability.autoconfigure.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

import dev.vantage.observability.autoconfigure.support.VantageDefaults;
import dev.vantage.observability.autoconfigure.support.VantageProperties;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The service's name, which dashboards and alerts select on and log lines carry, never left
 * empty, and Boot's common {@code application} tag set from it.
 */
public class ApplicationDefaults extends VantageDefaults {

	/** The name the application gets when it sets none and has no build information either. */
	public static final String FALLBACK_APPLICATION_NAME = "application";

	private static final String APPLICATION_NAME = "spring.application.name";

	private final Log logger;

	/**
	 * Creates the defaults, as Boot does, with a log that is written once logging is set up.
	 * @param logFactory Boot's deferred log factory
	 */
	public ApplicationDefaults(DeferredLogFactory logFactory) {
		super("application", ORDER);
		this.logger = logFactory.getLog(ApplicationDefaults.class);
	}

	@Override
	protected void contribute(ConfigurableEnvironment environment, SpringApplication application,
			Map<String, Object> defaults) {
		if (!environment.containsProperty(APPLICATION_NAME)) {
			String name = fallbackApplicationName(application.getClassLoader());
			defaults.put(APPLICATION_NAME, name);
			this.logger.warn(APPLICATION_NAME + " is not set; meters, log lines and audit events name this service '"
					+ name + "'. Set " + APPLICATION_NAME + " to the name dashboards and alerts should show.");
		}
		if (VantageProperties.isEnabled(environment, VantageApplicationProperties.PREFIX)) {
			// Boot's common tags; an explicit management.metrics.tags.application wins.
			defaults.put("management.metrics.tags.application", "${" + APPLICATION_NAME + "}");
		}
	}

	/** The artifact of the build information, else {@value #FALLBACK_APPLICATION_NAME}. */
	private static String fallbackApplicationName(@Nullable ClassLoader classLoader) {
		ClassPathResource buildInfo = new ClassPathResource("META-INF/build-info.properties", classLoader);
		if (buildInfo.exists()) {
			try (InputStream in = buildInfo.getInputStream()) {
				Properties properties = new Properties();
				properties.load(in);
				String artifact = properties.getProperty("build.artifact");
				if (artifact != null && !artifact.isBlank()) {
					return artifact.strip();
				}
			}
			catch (IOException ex) {
				// Unreadable build information: fall back to the fixed name.
			}
		}
		return FALLBACK_APPLICATION_NAME;
	}

}
