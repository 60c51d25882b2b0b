package dev.vantage.observability.autoconfigure.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;

/**
 * The global switch of Vantage, {@code observability.enabled}. Each concern has its own
 * properties class in its own package, under {@code observability.<concern>}.
 */
@ConfigurationProperties(VantageProperties.PREFIX)
public class VantageProperties {

	/** The prefix of every Vantage property. */
	public static final String PREFIX = "observability";

	/** The global switch; when false, no concern is on, whatever its own switch says. */
	public static final String ENABLED = PREFIX + ".enabled";

	/** Whether Vantage is enabled at all. */
	private boolean enabled = true;

	/**
	 * Tells whether Vantage and, if a prefix is given, one concern are switched on; read by
	 * the condition and by each concern's defaults alike.
	 * @param environment the environment
	 * @param prefix the concern's properties prefix, or empty for the global switch only
	 * @return whether it is on
	 */
	public static boolean isEnabled(Environment environment, String prefix) {
		return environment.getProperty(ENABLED, Boolean.class, true)
				&& (prefix.isEmpty() || environment.getProperty(prefix + ".enabled", Boolean.class, true));
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
