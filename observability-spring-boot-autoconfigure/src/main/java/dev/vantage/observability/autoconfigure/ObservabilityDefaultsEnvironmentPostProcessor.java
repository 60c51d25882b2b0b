package dev.vantage.observability.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds Vantage's defaults for other libraries' properties, at the lowest precedence so
 * that any value the application sets wins.
 */
public class ObservabilityDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

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
		DEFAULTS = Map.copyOf(defaults);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("observability.enabled", Boolean.class, true)) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
	}

}
