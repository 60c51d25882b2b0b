package dev.vantage.observability.autoconfigure.cache;

import java.time.Duration;

import dev.vantage.observability.autoconfigure.support.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Meters of caches created after startup, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageCacheProperties.PREFIX)
public class VantageCacheProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.cache";

	/** Whether caches created after startup are bound to the registry too. */
	private boolean enabled = true;

	/** How often cache managers are scanned for caches created after startup. */
	private Duration rescanInterval = Duration.ofSeconds(10);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getRescanInterval() {
		return this.rescanInterval;
	}

	public void setRescanInterval(Duration rescanInterval) {
		this.rescanInterval = PropertyChecks.positive(PREFIX + ".rescan-interval", rescanInterval);
	}

}
