package dev.vantage.observability.autoconfigure.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.autoconfigure.support.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HTTP server and client meters, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageHttpProperties.PREFIX)
public class VantageHttpProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.http";

	/** The histogram buckets used when {@code observability.http.slo} is not set. */
	public static final List<Duration> DEFAULT_SLO = List.of(Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(1),
			Duration.ofSeconds(2), Duration.ofSeconds(5));

	/** Whether HTTP server meters are enhanced (SLO buckets, per-tenant timer). */
	private boolean enabled = true;

	/** Histogram buckets of http_server_requests_seconds and http_client_requests_seconds. */
	private List<Duration> slo = new ArrayList<>(DEFAULT_SLO);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<Duration> getSlo() {
		return this.slo;
	}

	public void setSlo(List<Duration> slo) {
		this.slo = PropertyChecks.buckets(PREFIX + ".slo", slo);
	}

}
