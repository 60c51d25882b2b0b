package dev.vantage.observability.autoconfigure.support;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import dev.vantage.observability.support.ObserverFailures;

/**
 * An observation handler of Vantage's for one type of Boot's observation contexts (the HTTP
 * server's, say) that does its work when the observation stops, guarded: a failure of its own
 * is counted under its component and skipped, never thrown into the observed code. Guarded
 * without a lambda, as it runs on every request.
 * @param <C> the observation context type
 */
public abstract class GuardedObservationHandler<C extends Observation.Context> implements ObservationHandler<C> {

	private final String component;

	private final ObserverFailures failures;

	private final Class<C> contextType;

	/**
	 * Creates the handler and declares its component, so that its failure counter shows zero.
	 * @param component the component's name in {@code observability.internal.errors}
	 * @param failures where failures are counted
	 * @param contextType the contexts it handles
	 */
	protected GuardedObservationHandler(String component, ObserverFailures failures, Class<C> contextType) {
		this.component = component;
		this.failures = failures;
		this.contextType = contextType;
		failures.declare(component);
	}

	@Override
	public final boolean supportsContext(Observation.Context context) {
		return this.contextType.isInstance(context);
	}

	@Override
	public final void onStop(C context) {
		try {
			stopped(context);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.failed(this.component, ex);
		}
	}

	/**
	 * Does the handler's work for a stopped observation.
	 * @param context the observation's context
	 */
	protected abstract void stopped(C context);

}
