package dev.vantage.observability.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vantage.observability.audit.AuditMasker;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of Vantage, under {@code observability.*}. Invalid values fail startup
 * with a message naming the property.
 */
@ConfigurationProperties("observability")
public class ObservabilityProperties {

	/** Whether Vantage is enabled at all. */
	private boolean enabled = true;

	private final Application application = new Application();

	private final Cardinality cardinality = new Cardinality();

	private final Tenant tenant = new Tenant();

	private final Http http = new Http();

	private final Db db = new Db();

	private final Cache cache = new Cache();

	private final Business business = new Business();

	private final Logging logging = new Logging();

	private final Audit audit = new Audit();

	private final Security security = new Security();

	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Application getApplication() {
		return this.application;
	}

	public Cardinality getCardinality() {
		return this.cardinality;
	}

	public Tenant getTenant() {
		return this.tenant;
	}

	public Http getHttp() {
		return this.http;
	}

	public Db getDb() {
		return this.db;
	}

	public Cache getCache() {
		return this.cache;
	}

	public Business getBusiness() {
		return this.business;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Audit getAudit() {
		return this.audit;
	}

	public Security getSecurity() {
		return this.security;
	}

	public Health getHealth() {
		return this.health;
	}

	static void requirePositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("'observability." + property + "' must be positive, was " + value);
		}
	}

	static List<Duration> requireBuckets(String property, List<Duration> value) {
		if (value.isEmpty()) {
			throw new IllegalArgumentException("'observability." + property + "' must list at least one duration");
		}
		value.forEach((bucket) -> requirePositive(property, bucket));
		return new ArrayList<>(value);
	}

	/** The application common tag and build information. */
	public static class Application {

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

	/** Bounds on tag values and series; always on. */
	public static class Cardinality {

		/** Distinct values kept per meter name and tag key; later values become 'other'. */
		private int maxTagValues = 100;

		/** Series kept per meter name; later series are dropped. */
		private int maxSeriesPerMeter = 2000;

		/** Name prefixes of the meters the guard bounds. */
		private List<String> meterPrefixes = new ArrayList<>(List.of("http.server.requests",
				"http.server.tenant.requests", "http.client.requests", "db.", "cache.", "business.", "security.",
				"audit.", "dependency.", "application."));

		public int getMaxTagValues() {
			return this.maxTagValues;
		}

		public void setMaxTagValues(int maxTagValues) {
			if (maxTagValues < 1) {
				throw new IllegalArgumentException(
						"'observability.cardinality.max-tag-values' must be at least 1, was " + maxTagValues);
			}
			this.maxTagValues = maxTagValues;
		}

		public int getMaxSeriesPerMeter() {
			return this.maxSeriesPerMeter;
		}

		public void setMaxSeriesPerMeter(int maxSeriesPerMeter) {
			if (maxSeriesPerMeter < 1) {
				throw new IllegalArgumentException(
						"'observability.cardinality.max-series-per-meter' must be at least 1, was " + maxSeriesPerMeter);
			}
			this.maxSeriesPerMeter = maxSeriesPerMeter;
		}

		public List<String> getMeterPrefixes() {
			return this.meterPrefixes;
		}

		public void setMeterPrefixes(List<String> meterPrefixes) {
			this.meterPrefixes = meterPrefixes;
		}

	}

	/** How the tenant of a request is found. */
	public static class Tenant {

		/** Request header that carries the tenant (shop, customer account). */
		private String header = "X-Tenant-Id";

		public String getHeader() {
			return this.header;
		}

		public void setHeader(String header) {
			if (header.isBlank()) {
				throw new IllegalArgumentException("'observability.tenant.header' must not be blank");
			}
			this.header = header;
		}

	}

	/** HTTP server meters. */
	public static class Http {

		/** Whether HTTP server meters are enhanced (SLO buckets, per-tenant timer). */
		private boolean enabled = true;

		/** Histogram buckets of http_server_requests_seconds and http_client_requests_seconds. */
		private List<Duration> slo = new ArrayList<>(List.of(Duration.ofMillis(50), Duration.ofMillis(100),
				Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(1),
				Duration.ofSeconds(2), Duration.ofSeconds(5)));

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
			this.slo = requireBuckets("http.slo", slo);
		}

	}

	/** JDBC query meters. */
	public static class Db {

		/** Whether every DataSource is instrumented. */
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
			requirePositive("db.slow-query-threshold", slowQueryThreshold);
			this.slowQueryThreshold = slowQueryThreshold;
		}

		public List<Duration> getSlo() {
			return this.slo;
		}

		public void setSlo(List<Duration> slo) {
			this.slo = requireBuckets("db.slo", slo);
		}

	}

	/** Cache meters. */
	public static class Cache {

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
			requirePositive("cache.rescan-interval", rescanInterval);
			this.rescanInterval = rescanInterval;
		}

	}

	/** Business meters recorded through {@code BusinessMetrics}. */
	public static class Business {

		/** Whether the BusinessMetrics bean is created. */
		private boolean enabled = true;

		/**
		 * Funnels and their steps in order, for example
		 * observability.business.funnels.checkout=view,cart,checkout,paid.
		 */
		private Map<String, List<String>> funnels = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, List<String>> getFunnels() {
			return this.funnels;
		}

		public void setFunnels(Map<String, List<String>> funnels) {
			funnels.forEach((funnel, steps) -> {
				String property = "'observability.business.funnels." + funnel + "'";
				if (steps.isEmpty() || steps.stream().anyMatch(String::isBlank)) {
					throw new IllegalArgumentException(property + " must list its steps, none of them blank");
				}
				if (steps.stream().distinct().count() != steps.size()) {
					throw new IllegalArgumentException(property + " must not repeat a step, was " + steps);
				}
			});
			this.funnels = funnels;
		}

	}

	/** Console logging, applied when the application has no logback configuration of its own. */
	public static class Logging {

		/** Console format: json (one JSON object per line) or plain (Boot's pattern, for local work). */
		private Format format = Format.JSON;

		/** The 'version' field of every log line. */
		private String version = "${spring.application.version:unknown}";

		/** The 'env' field of every log line; defaults to the active profiles. */
		private String env = "default";

		public Format getFormat() {
			return this.format;
		}

		public void setFormat(Format format) {
			this.format = format;
		}

		public String getVersion() {
			return this.version;
		}

		public void setVersion(String version) {
			this.version = version;
		}

		public String getEnv() {
			return this.env;
		}

		public void setEnv(String env) {
			this.env = env;
		}

		/** Console formats. */
		public enum Format {

			/** One JSON object per line. */
			JSON,

			/** Boot's human-readable pattern. */
			PLAIN

		}

	}

	/** The audit log. */
	public static class Audit {

		/** Whether the AuditLogger bean is created. */
		private boolean enabled = true;

		/** The audit file; rolled files sit next to it. */
		private String file = "logs/audit.json";

		/** Size at which the audit file rolls over. */
		private DataSize maxFileSize = DataSize.ofMegabytes(100);

		/** Days of rolled audit files kept. */
		private int maxHistory = 30;

		/** Total size of rolled audit files kept. */
		private DataSize totalSizeCap = DataSize.ofGigabytes(5);

		/** Metadata keys whose values are written as ****, matched ignoring case and separators. */
		private List<String> maskedKeys = new ArrayList<>(AuditMasker.DEFAULT_MASKED_KEYS);

		/** Whether client addresses lose their host part (IPv4 /24, IPv6 /48). */
		private boolean anonymizeClientIp = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getFile() {
			return this.file;
		}

		public void setFile(String file) {
			if (file.isBlank()) {
				throw new IllegalArgumentException("'observability.audit.file' must not be blank");
			}
			this.file = file;
		}

		public DataSize getMaxFileSize() {
			return this.maxFileSize;
		}

		public void setMaxFileSize(DataSize maxFileSize) {
			requirePositive("audit.max-file-size", maxFileSize);
			this.maxFileSize = maxFileSize;
		}

		public int getMaxHistory() {
			return this.maxHistory;
		}

		public void setMaxHistory(int maxHistory) {
			if (maxHistory < 1) {
				throw new IllegalArgumentException(
						"'observability.audit.max-history' must be at least 1, was " + maxHistory);
			}
			this.maxHistory = maxHistory;
		}

		public DataSize getTotalSizeCap() {
			return this.totalSizeCap;
		}

		public void setTotalSizeCap(DataSize totalSizeCap) {
			requirePositive("audit.total-size-cap", totalSizeCap);
			this.totalSizeCap = totalSizeCap;
		}

		public List<String> getMaskedKeys() {
			return this.maskedKeys;
		}

		public void setMaskedKeys(List<String> maskedKeys) {
			this.maskedKeys = maskedKeys;
		}

		public boolean isAnonymizeClientIp() {
			return this.anonymizeClientIp;
		}

		public void setAnonymizeClientIp(boolean anonymizeClientIp) {
			this.anonymizeClientIp = anonymizeClientIp;
		}

		private static void requirePositive(String property, DataSize value) {
			if (value.toBytes() <= 0) {
				throw new IllegalArgumentException("'observability." + property + "' must be positive, was " + value);
			}
		}

	}

	/** Security meters and detectors. */
	public static class Security {

		/** Whether security meters, the Spring Security bridge and the detectors are on. */
		private boolean enabled = true;

		private final BruteForce bruteForce = new BruteForce();

		private final SuspiciousRequests suspiciousRequests = new SuspiciousRequests();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public BruteForce getBruteForce() {
			return this.bruteForce;
		}

		public SuspiciousRequests getSuspiciousRequests() {
			return this.suspiciousRequests;
		}

		/** Brute-force detection on failed logins. */
		public static class BruteForce {

			/** Failed logins allowed per principal or client address within the window. */
			private int maxFailures = 5;

			/** The window failed logins are counted in. */
			private Duration window = Duration.ofMinutes(1);

			/** The most principals and addresses followed at once (bounds memory under a flood). */
			private int maxTracked = 10_000;

			public int getMaxFailures() {
				return this.maxFailures;
			}

			public void setMaxFailures(int maxFailures) {
				if (maxFailures < 1) {
					throw new IllegalArgumentException(
							"'observability.security.brute-force.max-failures' must be at least 1, was " + maxFailures);
				}
				this.maxFailures = maxFailures;
			}

			public Duration getWindow() {
				return this.window;
			}

			public void setWindow(Duration window) {
				requirePositive("security.brute-force.window", window);
				this.window = window;
			}

			public int getMaxTracked() {
				return this.maxTracked;
			}

			public void setMaxTracked(int maxTracked) {
				if (maxTracked < 1) {
					throw new IllegalArgumentException(
							"'observability.security.brute-force.max-tracked' must be at least 1, was " + maxTracked);
				}
				this.maxTracked = maxTracked;
			}

		}

		/** The filter that reports injection and path-traversal patterns in requests. */
		public static class SuspiciousRequests {

			/** Whether requests are inspected (observed only, never blocked). */
			private boolean enabled = true;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

	/** Dependency health checks. */
	public static class Health {

		/** Whether dependency checks replace Boot's sequential db and redis health indicators. */
		private boolean enabled = true;

		/** How long a health call waits for any dependency; all are checked in parallel. */
		private Duration timeout = Duration.ofSeconds(2);

		/** How long a check result is reused, so that probe storms do not reach the dependency. */
		private Duration cacheTtl = Duration.ofSeconds(5);

		/** Checks every dependency at this interval in the background (off when unset). */
		private @Nullable Duration refreshInterval;

		private final DataSourceHealth datasource = new DataSourceHealth();

		private final RedisHealth redis = new RedisHealth();

		/** HTTP dependencies by name. */
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
			requirePositive("health.timeout", timeout);
			this.timeout = timeout;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			if (cacheTtl.isNegative()) {
				throw new IllegalArgumentException("'observability.health.cache-ttl' must not be negative, was " + cacheTtl);
			}
			this.cacheTtl = cacheTtl;
		}

		public @Nullable Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(@Nullable Duration refreshInterval) {
			if (refreshInterval != null) {
				requirePositive("health.refresh-interval", refreshInterval);
			}
			this.refreshInterval = refreshInterval;
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
				String property = "'observability.health.http." + name + ".url'";
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

			/** Whether a DataSource being DOWN takes readiness down. */
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
				if (timeout != null) {
					requirePositive("health.http.*.timeout", timeout);
				}
				this.timeout = timeout;
			}

			public int getExpectedStatus() {
				return this.expectedStatus;
			}

			public void setExpectedStatus(int expectedStatus) {
				if (expectedStatus != 0 && (expectedStatus < 100 || expectedStatus > 599)) {
					throw new IllegalArgumentException(
							"'observability.health.http.*.expected-status' must be an HTTP status, was " + expectedStatus);
				}
				this.expectedStatus = expectedStatus;
			}

			public boolean isCritical() {
				return this.critical;
			}

			public void setCritical(boolean critical) {
				this.critical = critical;
			}

		}

	}

}
