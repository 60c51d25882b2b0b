package dev.vantage.observability.autoconfigure.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.autoconfigure.support.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Query meters of every JDBC data source and R2DBC connection factory, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageDbProperties.PREFIX)
public class VantageDbProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.db";

	/** Whether every JDBC DataSource and R2DBC ConnectionFactory is instrumented. */
	private boolean enabled = true;

	/** Duration over which a statement counts as slow and is logged. */
	private Duration slowQueryThreshold = Duration.ofSeconds(1);

	/** Histogram buckets of db_query_seconds. */
	private List<Duration> slo = new ArrayList<>(List.of(Duration.ofMillis(1), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofSeconds(5)));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getSlowQueryThreshold() {
		return this.slowQueryThreshold;
	}

	public void setSlowQueryThreshold(Duration slowQueryThreshold) {
		this.slowQueryThreshold = PropertyChecks.positive(PREFIX + ".slow-query-threshold", slowQueryThreshold);
	}

	public List<Duration> getSlo() {
		return this.slo;
	}

	public void setSlo(List<Duration> slo) {
		this.slo = PropertyChecks.buckets(PREFIX + ".slo", slo);
	}

}
