package dev.vantage.observability.autoconfigure.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application common tag and build information, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageApplicationProperties.PREFIX)
public class VantageApplicationProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.application";

	/**
	 * Whether every meter gets the 'application' tag (from spring.application.name)
	 * and application_build_info is published.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
