package dev.vantage.observability.autoconfigure.health;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.vantage.observability.autoconfigure.support.PropertyChecks;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Dependency health checks, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageHealthProperties.PREFIX)
public class VantageHealthProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.health";

	/** Turns on the background refresh when set. */
	public static final String REFRESH_INTERVAL = PREFIX + ".refresh-interval";

	/**
	 * Whether dependency checks (in parallel, with a timeout) run and answer as the dependencies
	 * health component, beside Boot's own indicators.
	 */
	private boolean enabled = true;

	/** How long a health call waits for any dependency; all are checked in parallel. */
	private Duration timeout = Duration.ofSeconds(2);

	/** How long a check result is reused, so that probe storms do not reach the dependency. */
	private Duration cacheTtl = Duration.ofSeconds(5);

	/** Checks every dependency at this interval in the background (off when unset). */
	private @Nullable Duration refreshInterval;

	private final DataSourceHealth datasource = new DataSourceHealth();

	private final RedisHealth redis = new RedisHealth();

	/**
	 * HTTP dependencies by name: {@code observability.health.http.<name>.url} (required, http or
	 * https), {@code .timeout} (default: {@code observability.health.timeout}),
	 * {@code .expected-status} (default: any 2xx), {@code .critical} (default false).
	 */
	private Map<String, HttpDependency> http = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = PropertyChecks.positive(PREFIX + ".timeout", timeout);
	}

	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(Duration cacheTtl) {
		this.cacheTtl = PropertyChecks.notNegative(PREFIX + ".cache-ttl", cacheTtl);
	}

	public @Nullable Duration getRefreshInterval() {
		return this.refreshInterval;
	}

	public void setRefreshInterval(@Nullable Duration refreshInterval) {
		this.refreshInterval = (refreshInterval != null) ? PropertyChecks.positive(REFRESH_INTERVAL, refreshInterval)
				: null;
	}

	public DataSourceHealth getDatasource() {
		return this.datasource;
	}

	public RedisHealth getRedis() {
		return this.redis;
	}

	public Map<String, HttpDependency> getHttp() {
		return this.http;
	}

	public void setHttp(Map<String, HttpDependency> http) {
		http.forEach((name, dependency) -> {
			String property = "'" + PREFIX + ".http." + name + ".url'";
			URI url = dependency.getUrl();
			if (url == null) {
				throw new IllegalArgumentException(property + " must be set");
			}
			if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())
					|| url.getHost() == null) {
				throw new IllegalArgumentException(property + " must be an http or https URL with a host");
			}
		});
		this.http = http;
	}

	/** Health of every DataSource. */
	public static class DataSourceHealth {

		/** Whether a DataSource or R2DBC ConnectionFactory being DOWN takes readiness down. */
		private boolean critical = true;

		public boolean isCritical() {
			return this.critical;
		}

		public void setCritical(boolean critical) {
			this.critical = critical;
		}

	}

	/** Health of every Redis connection factory. */
	public static class RedisHealth {

		/** Whether Redis being DOWN takes readiness down. */
		private boolean critical = false;

		public boolean isCritical() {
			return this.critical;
		}

		public void setCritical(boolean critical) {
			this.critical = critical;
		}

	}

	/** An HTTP dependency checked with a GET. */
	public static class HttpDependency {

		/** The URL to GET; shown without credentials or query. */
		private @Nullable URI url;

		/** How long the request may take; defaults to observability.health.timeout. */
		private @Nullable Duration timeout;

		/** The status that means UP; any 2xx when unset. */
		private int expectedStatus;

		/** Whether this dependency being DOWN takes readiness down. */
		private boolean critical;

		public @Nullable URI getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable URI url) {
			this.url = url;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = (timeout != null) ? PropertyChecks.positive(PREFIX + ".http.*.timeout", timeout) : null;
		}

		public boolean isCritical() {
			return this.critical;
		}

		public void setCritical(boolean critical) {
			this.critical = critical;
		}

		public int getExpectedStatus() {
			return this.expectedStatus;
		}

		public void setExpectedStatus(int expectedStatus) {
			if (expectedStatus != 0 && (expectedStatus < 100 || expectedStatus > 599)) {
				throw new IllegalArgumentException(
						"'" + PREFIX + ".http.*.expected-status' must be an HTTP status, was " + expectedStatus);
			}
			this.expectedStatus = expectedStatus;
		}

	}

}
