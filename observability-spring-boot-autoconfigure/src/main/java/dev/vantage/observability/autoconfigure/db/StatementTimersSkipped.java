package dev.vantage.observability.autoconfigure.db;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

/**
 * The meter handler of Vantage's own statement observations: it takes them and records
 * nothing. Boot hands each observation to the first meter handler that supports it, and its
 * default one would otherwise build tags, a timer and a long-task timer for every statement,
 * only for Vantage's meter filter to deny them, as they would repeat {@code db.query}. The
 * filter stays, so that no other handler can bring those timers back; this spares the work.
 * Registered first, it sees no other observation.
 */
final class StatementTimersSkipped implements MeterObservationHandler<Observation.Context> {

	private final Class<? extends Observation.Context> statements;

	/**
	 * Creates the handler for one library's statement observations.
	 * @param statements the context type of that library's statement observations
	 */
	StatementTimersSkipped(Class<? extends Observation.Context> statements) {
		this.statements = statements;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return this.statements.isInstance(context);
	}

}
