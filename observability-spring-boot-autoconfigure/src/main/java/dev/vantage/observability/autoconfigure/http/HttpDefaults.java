package dev.vantage.observability.autoconfigure.http;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.vantage.observability.autoconfigure.slo.VantageSloProperties;
import dev.vantage.observability.autoconfigure.support.VantageDefaults;
import dev.vantage.observability.autoconfigure.support.VantageProperties;
import dev.vantage.observability.http.HttpMeters;
import dev.vantage.observability.slo.SloKind;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Boot's SLO buckets on the HTTP server and client timers (exemplars and quantiles need
 * buckets): those of {@code observability.http.slo} and the threshold of every latency
 * objective, so that its SLI is exact. The application's own buckets win.
 */
public class HttpDefaults extends VantageDefaults {

	private static final String SLO_PREFIX = "management.metrics.distribution.slo.";

	public HttpDefaults() {
		super("http", ORDER + 5);
	}

	@Override
	protected void contribute(ConfigurableEnvironment environment, SpringApplication application,
			Map<String, Object> defaults) {
		if (!VantageProperties.isEnabled(environment, VantageHttpProperties.PREFIX)) {
			return;
		}
		String buckets = httpBuckets(environment);
		defaults.put(SLO_PREFIX + HttpMeters.SERVER_REQUESTS, buckets);
		defaults.put(SLO_PREFIX + HttpMeters.CLIENT_REQUESTS, buckets);
		// Boot matches these keys as name prefixes: without an exact key of their own the
		// long-task timers of requests in flight (*.active) would grow histograms too.
		defaults.put(SLO_PREFIX + HttpMeters.SERVER_REQUESTS + ".active", "");
		defaults.put(SLO_PREFIX + HttpMeters.CLIENT_REQUESTS + ".active", "");
	}

	/** The buckets, as Boot's property expects them; bad values are left to binding. */
	private static String httpBuckets(ConfigurableEnvironment environment) {
		Binder binder = Binder.get(environment);
		Set<Duration> buckets = new TreeSet<>();
		try {
			buckets.addAll(binder.bind(VantageHttpProperties.PREFIX + ".slo", Bindable.listOf(Duration.class))
				.orElse(VantageHttpProperties.DEFAULT_SLO));
		}
		catch (BindException ex) {
			buckets.addAll(VantageHttpProperties.DEFAULT_SLO);
		}
		try {
			binder.bind(VantageSloProperties.PREFIX, Bindable.mapOf(String.class, VantageSloProperties.Objective.class))
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

}
