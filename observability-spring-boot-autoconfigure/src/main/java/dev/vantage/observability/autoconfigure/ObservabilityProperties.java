package dev.vantage.observability.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The global switch of Vantage, {@code observability.enabled}. Each concern has its own
 * properties class in its own package, under {@code observability.<concern>}.
 */
@ConfigurationProperties(ObservabilityProperties.PREFIX)
public class ObservabilityProperties {

	/** The prefix of every Vantage property. */
	public static final String PREFIX = "observability";

	/** The global switch; when false, no concern is on, whatever its own switch says. */
	public static final String ENABLED = PREFIX + ".enabled";

	/** Whether Vantage is enabled at all. */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
