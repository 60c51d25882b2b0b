package dev.vantage.observability.autoconfigure.endpoints;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The startup check of actuator endpoint exposure, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageEndpointsProperties.PREFIX)
public class VantageEndpointsProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.endpoints";

	/**
	 * Whether sensitive endpoints that anyone can reach over HTTP stop startup instead of
	 * only being warned about (for production profiles).
	 */
	private boolean failOnInsecureExposure = false;

	public boolean isFailOnInsecureExposure() {
		return this.failOnInsecureExposure;
	}

	public void setFailOnInsecureExposure(boolean failOnInsecureExposure) {
		this.failOnInsecureExposure = failOnInsecureExposure;
	}

}
