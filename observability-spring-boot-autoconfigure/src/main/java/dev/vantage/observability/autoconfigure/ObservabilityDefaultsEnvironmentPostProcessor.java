package dev.vantage.observability.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.vantage.observability.autoconfigure.application.ApplicationProperties;
import dev.vantage.observability.autoconfigure.audit.AuditProperties;
import dev.vantage.observability.autoconfigure.http.HttpProperties;
import dev.vantage.observability.autoconfigure.logging.LoggingProperties;
import dev.vantage.observability.autoconfigure.slo.SloProperties;
import dev.vantage.observability.http.HttpMeters;
import dev.vantage.observability.slo.SloKind;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

/**
 * Adds Vantage's defaults for other libraries' properties, at the lowest precedence so
 * that any value the application sets wins.
 */
public class ObservabilityDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The name the application gets when it sets none and has no build information either. */
	public static final String FALLBACK_APPLICATION_NAME = "application";

	/** The name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "observabilityDefaults";

	static final Map<String, Object> DEFAULTS;

	static {
		Map<String, Object> defaults = new LinkedHashMap<>();
		// Exemplars on _count lines make Prometheus before 2.43 reject the whole scrape;
		// bucket and counter exemplars, which every version accepts, stay.
		defaults.put("management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]",
				"false");
		// Cache hit and miss meters need statistics, which Caffeine and Redis caches do not record by default.
		defaults.put("spring.cache.caffeine.spec", "recordStats");
		defaults.put("spring.cache.redis.enable-statistics", "true");
		// Trace ids (and the tenant) follow work handed to @Async methods and Boot-built executors.
		defaults.put("spring.task.execution.propagate-context", "true");
		// Closed by default: only these endpoints over HTTP, health details only when authorized.
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.show-details", "when-authorized");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		// Spring Security observes its whole chain and every filter in it (a timer and a span
		// before and after each): a cost on every request for what the HTTP server observation
		// already shows. Its authentication and authorization observations stay.
		defaults.put("management.observations.enable.spring.security.filterchains", "false");
		defaults.put("management.observations.enable.spring.security.http", "false");
		DEFAULTS = Map.copyOf(defaults);
	}

	/** Where Logback looks for an application's own configuration; any of them keeps it in control. */
	private static final String[] OWN_LOGBACK_CONFIGURATIONS = { "logback-test.groovy", "logback-test.xml",
			"logback.groovy", "logback.xml", "logback-test-spring.groovy", "logback-test-spring.xml",
			"logback-spring.groovy", "logback-spring.xml" };

	private static final String LOGGING_CONFIGURATIONS = "classpath:dev/vantage/observability/logging/";

	private static final String APPLICATION_NAME = "spring.application.name";

	private static final String WEBFLUX_DISPATCHER = "org.springframework.web.reactive.DispatcherHandler";

	private static final String SLO_PREFIX = "management.metrics.distribution.slo.";

	private static final String SAMPLING = "management.tracing.sampling.probability";

	private static final String TRACER = "io.micrometer.tracing.Tracer";

	private final Log logger;

	/**
	 * Creates the post-processor, as Boot does, with a log that is written once logging is set up.
	 * @param logFactory Boot's deferred log factory
	 */
	public ObservabilityDefaultsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(ObservabilityDefaultsEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!OnObservabilityEnabledCondition.isEnabled(environment, "")) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>(DEFAULTS);
		String[] profiles = environment.getActiveProfiles();
		defaults.put(LoggingProperties.PREFIX + ".env", (profiles.length > 0) ? String.join(",", profiles) : "default");
		defaults.put(LoggingProperties.PREFIX + ".version", "${spring.application.version:unknown}");
		if (!environment.containsProperty(APPLICATION_NAME)) {
			// Dashboards and alerts select on the application tag, and log lines carry the
			// name as their service field: never leave them empty.
			String name = fallbackApplicationName(application.getClassLoader());
			defaults.put(APPLICATION_NAME, name);
			this.logger.warn(APPLICATION_NAME + " is not set; meters, log lines and audit events name this service '"
					+ name + "'. Set " + APPLICATION_NAME + " to the name dashboards and alerts should show.");
		}
		if (OnObservabilityEnabledCondition.isEnabled(environment, ApplicationProperties.PREFIX)) {
			// Boot's common tags; an explicit management.metrics.tags.application wins.
			defaults.put("management.metrics.tags.application", "${" + APPLICATION_NAME + "}");
		}
		if (OnObservabilityEnabledCondition.isEnabled(environment, HttpProperties.PREFIX)) {
			// Boot's SLO buckets (exemplars and quantiles need buckets); the application's own win.
			String buckets = httpBuckets(environment);
			defaults.put(SLO_PREFIX + HttpMeters.SERVER_REQUESTS, buckets);
			defaults.put(SLO_PREFIX + HttpMeters.CLIENT_REQUESTS, buckets);
			// Boot matches these keys as name prefixes: without an exact key of their own the
			// long-task timers of requests in flight (*.active) would grow histograms too.
			defaults.put(SLO_PREFIX + HttpMeters.SERVER_REQUESTS + ".active", "");
			defaults.put(SLO_PREFIX + HttpMeters.CLIENT_REQUESTS + ".active", "");
		}
		if (ClassUtils.isPresent(WEBFLUX_DISPATCHER, application.getClassLoader())) {
			// The tenant and trace ids in the Reactor context reach thread locals (MDC) on
			// whatever thread a reactive chain continues.
			defaults.put("spring.reactor.context-propagation", "auto");
		}
		if (usesVantageLogging(environment, application.getClassLoader())) {
			boolean plain = "plain".equalsIgnoreCase(environment.getProperty(LoggingProperties.FORMAT, "json").strip());
			// Without the audit log no audit file is opened, nor required to be writable.
			boolean audit = OnObservabilityEnabledCondition.isEnabled(environment, AuditProperties.PREFIX);
			defaults.put("logging.config", LOGGING_CONFIGURATIONS + (plain ? "logback-plain" : "logback-json")
					+ (audit ? "" : "-without-audit") + ".xml");
			if (!plain) {
				// A printed banner is plain text between JSON lines; logged, it is one JSON line.
				defaults.put("spring.main.banner-mode", "log");
			}
			if (audit) {
				requireWritableAuditFile(environment);
			}
		}
		if (ClassUtils.isPresent(TRACER, application.getClassLoader()) && samplesNothing(environment)) {
			this.logger.warn(SAMPLING + " is 0: no request is sampled, so no exemplar links a latency bucket or a "
					+ "payment to its trace and dashboards show no trace links. Set " + SAMPLING
					+ " above 0 (0.1 samples one request in ten).");
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	private static boolean samplesNothing(ConfigurableEnvironment environment) {
		String probability = environment.getProperty(SAMPLING);
		try {
			return probability != null && Double.parseDouble(probability.strip()) == 0;
		}
		catch (NumberFormatException ex) {
			return false; // Boot's binding reports it
		}
	}

	/**
	 * Vantage's logging writes the audit file from the start; Logback's own error for a file it
	 * cannot create names no property, so say which one before Logback tries.
	 */
	private static void requireWritableAuditFile(ConfigurableEnvironment environment) {
		String property = AuditProperties.PREFIX + ".file";
		String file = environment.getProperty(property, AuditProperties.DEFAULT_FILE);
		String problem;
		try {
			Path path = Path.of(file).toAbsolutePath();
			Path existing = path.getParent();
			while (existing != null && !Files.exists(existing)) {
				existing = existing.getParent();
			}
			if (Files.exists(path)) {
				problem = (Files.isRegularFile(path) && Files.isWritable(path)) ? null : path + " is not a writable file";
			}
			else if (existing == null || !Files.isDirectory(existing)) {
				problem = "its directory cannot be created: " + existing + " is not a directory";
			}
			else {
				problem = Files.isWritable(existing) ? null : existing + " is not writable";
			}
		}
		catch (InvalidPathException ex) {
			problem = ex.getMessage();
		}
		if (problem != null) {
			throw new IllegalStateException("The audit log cannot be written to " + property + "='" + file + "' ("
					+ problem + "). Set " + property + " to a file this process may create; missing directories "
					+ "are created.");
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

	/**
	 * The buckets of observability.http.slo and the threshold of every latency objective, so
	 * that its SLI is exact, as Boot's property expects them; bad values are left to binding.
	 */
	private static String httpBuckets(ConfigurableEnvironment environment) {
		Binder binder = Binder.get(environment);
		Set<Duration> buckets = new TreeSet<>();
		try {
			buckets.addAll(binder.bind(HttpProperties.PREFIX + ".slo", Bindable.listOf(Duration.class))
				.orElse(HttpProperties.DEFAULT_SLO));
		}
		catch (BindException ex) {
			buckets.addAll(HttpProperties.DEFAULT_SLO);
		}
		try {
			binder.bind(SloProperties.PREFIX, Bindable.mapOf(String.class, SloProperties.Objective.class))
				.orElse(Map.of())
				.values()
				.forEach((objective) -> {
					if (objective.getKind() == SloKind.LATENCY && objective.getThreshold() != null) {
						buckets.add(objective.getThreshold());
					}
				});
		}
		catch (BindException ex) {
			// Reported when the objectives are bound for the context.
		}
		return buckets.stream()
			.filter((bucket) -> !bucket.isNegative() && !bucket.isZero())
			.map((bucket) -> bucket.toNanos() + "ns")
			.collect(Collectors.joining(","));
	}

	/**
	 * Vantage configures logging only where nobody else does: Logback with the JSON encoder
	 * on the classpath, and no logging.config, structured logging or logback file of the
	 * application's own.
	 */
	private static boolean usesVantageLogging(ConfigurableEnvironment environment, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", classLoader)
				|| !ClassUtils.isPresent("net.logstash.logback.encoder.LogstashEncoder", classLoader)
				|| environment.containsProperty("logging.config")
				|| environment.containsProperty("logging.structured.format.console")) {
			return false;
		}
		for (String location : OWN_LOGBACK_CONFIGURATIONS) {
			if (new ClassPathResource(location, classLoader).exists()) {
				return false;
			}
		}
		return true;
	}

}
