package dev.vantage.observability.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Vantage's observing code (listeners, filters, handlers, startup checks) so that a
 * failure in it never reaches the application: it is logged once per component, with its
 * stack trace, and counted in {@value #METER}{component}; the application's request, event
 * or startup goes on exactly as it would without Vantage.
 */
public final class ObserverFailures {

	/** The meter name. */
	public static final String METER = "observability.internal.errors";

	private static final Logger logger = LoggerFactory.getLogger(ObserverFailures.class);

	private final Supplier<@Nullable MeterRegistry> registry;

	/** Component names are Vantage's own, a fixed set: the map stays small. */
	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private final Set<String> declared = ConcurrentHashMap.newKeySet();

	private volatile boolean bound;

	/**
	 * Creates the guard.
	 * @param registry where failures are counted, looked up at the first failure (none: only logged)
	 */
	public ObserverFailures(Supplier<@Nullable MeterRegistry> registry) {
		this.registry = registry;
	}

	/**
	 * A guard that only logs, for code that runs where no registry exists.
	 * @return the guard
	 */
	public static ObserverFailures logOnly() {
		return new ObserverFailures(() -> null);
	}

	/**
	 * Declares a component this guard runs, so that its counter shows zero from the start and
	 * an alert on its increase sees the first failure. Until a registry is {@link #bind() bound}
	 * the declaration is kept and registered then.
	 * @param component which part of Vantage runs, a constant
	 */
	public void declare(String component) {
		this.declared.add(component);
		if (this.bound) {
			this.counters.computeIfAbsent(component, this::counter);
		}
	}

	/**
	 * Registers the counters of every component declared so far, once the registry exists (at
	 * the end of the application's startup); later declarations register at once.
	 */
	public void bind() {
		this.bound = true;
		this.declared.forEach((component) -> this.counters.computeIfAbsent(component, this::counter));
	}

	/**
	 * Runs observing code; a failure is logged once, counted and swallowed.
	 * @param component which part of Vantage runs, a constant
	 * @param action the observing code
	 */
	public void run(String component, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException | LinkageError ex) {
			failed(component, ex);
		}
	}

	/**
	 * Runs observing code that answers something; on a failure the fallback is the answer.
	 * @param <T> the answer's type
	 * @param component which part of Vantage runs, a constant
	 * @param action the observing code
	 * @param fallback the answer when it fails
	 * @return the answer
	 */
	public <T> T call(String component, Supplier<T> action, T fallback) {
		try {
			return action.get();
		}
		catch (RuntimeException | LinkageError ex) {
			failed(component, ex);
			return fallback;
		}
	}

	/**
	 * Records a failure of observing code that was caught elsewhere.
	 * @param component which part of Vantage failed, a constant
	 * @param failure what it threw
	 */
	public void failed(String component, Throwable failure) {
		Counter counter = this.counters.computeIfAbsent(component, this::counter);
		if (counter != null) {
			counter.increment();
		}
		if (this.warned.add(component)) {
			logger.warn("Vantage's " + component + " failed and was skipped; the application carries on as it "
					+ "would without Vantage. Further failures of it are counted in " + METER + ", not logged.",
					failure);
		}
	}

	private @Nullable Counter counter(String component) {
		MeterRegistry meters = this.registry.get();
		return (meters != null) ? Counter.builder(METER)
			.description("Failures inside Vantage's own observing code, each skipped (must stay 0)")
			.tag("component", component)
			.register(meters) : null;
	}

}
