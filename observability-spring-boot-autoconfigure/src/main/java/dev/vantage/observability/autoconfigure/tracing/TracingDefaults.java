package dev.vantage.observability.autoconfigure.tracing;

import java.util.Map;

import dev.vantage.observability.autoconfigure.support.VantageDefaults;
import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Trace context (and the tenant with it) following work to other threads, exemplars in the
 * form every Prometheus accepts, and a warning when tracing samples nothing, so that no
 * exemplar could link a latency bucket or a payment to its trace.
 */
public class TracingDefaults extends VantageDefaults {

	private static final String WEBFLUX_DISPATCHER = "org.springframework.web.reactive.DispatcherHandler";

	private static final String SAMPLING = "management.tracing.sampling.probability";

	private static final String TRACER = "io.micrometer.tracing.Tracer";

	private final Log logger;

	/**
	 * Creates the defaults, as Boot does, with a log that is written once logging is set up.
	 * @param logFactory Boot's deferred log factory
	 */
	public TracingDefaults(DeferredLogFactory logFactory) {
		super("tracing", ORDER + 4);
		this.logger = logFactory.getLog(TracingDefaults.class);
	}

	@Override
	protected void contribute(ConfigurableEnvironment environment, SpringApplication application,
			Map<String, Object> defaults) {
		// Exemplars on _count lines make Prometheus before 2.43 reject the whole scrape;
		// bucket and counter exemplars, which every version accepts, stay.
		defaults.put("management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]",
				"false");
		// Trace ids (and the tenant) follow work handed to @Async methods and Boot-built executors.
		defaults.put("spring.task.execution.propagate-context", "true");
		if (ClassUtils.isPresent(WEBFLUX_DISPATCHER, application.getClassLoader())) {
			// The tenant and trace ids in the Reactor context reach thread locals (MDC) on
			// whatever thread a reactive chain continues.
			defaults.put("spring.reactor.context-propagation", "auto");
		}
		if (ClassUtils.isPresent(TRACER, application.getClassLoader()) && samplesNothing(environment)) {
			this.logger.warn(SAMPLING + " is 0: no request is sampled, so no exemplar links a latency bucket or a "
					+ "payment to its trace and dashboards show no trace links. Set " + SAMPLING
					+ " above 0 (0.1 samples one request in ten).");
		}
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

}
