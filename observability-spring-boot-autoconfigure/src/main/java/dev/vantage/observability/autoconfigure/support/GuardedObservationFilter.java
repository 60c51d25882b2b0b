package dev.vantage.observability.autoconfigure.support;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import dev.vantage.observability.support.ObserverFailures;

/**
 * An observation filter of Vantage's, guarded: a failure of its own is counted under its
 * component and the context goes on as it was, never thrown into the observed code. Guarded
 * without a lambda, as it runs when every observation stops.
 */
public abstract class GuardedObservationFilter implements ObservationFilter {

	private final String component;

	private final ObserverFailures failures;

	/**
	 * Creates the filter and declares its component, so that its failure counter shows zero.
	 * @param component the component's name in {@code observability.internal.errors}
	 * @param failures where failures are counted
	 */
	protected GuardedObservationFilter(String component, ObserverFailures failures) {
		this.component = component;
		this.failures = failures;
		failures.declare(component);
	}

	@Override
	public final Observation.Context map(Observation.Context context) {
		try {
			apply(context);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.failed(this.component, ex);
		}
		return context;
	}

	/**
	 * Changes a stopping observation's context, or leaves it alone.
	 * @param context the context of any observation
	 */
	protected abstract void apply(Observation.Context context);

}
