package dev.vantage.observability.slo;

/**
 * What a service level objective counts as a good event.
 */
public enum SloKind {

	/** A request answered without a server error (5xx). */
	AVAILABILITY,

	/** A request answered within the objective's threshold. */
	LATENCY,

	/** A payment call that succeeded ({@code business_payments_seconds} by outcome). */
	PAYMENTS

}
