package dev.vantage.observability.business;

import java.util.Locale;

/**
 * How a payment attempt ended, the {@code outcome} tag of {@code business_payments_seconds}.
 */
public enum PaymentOutcome {

	/** The provider accepted the payment. */
	SUCCESS,

	/** The provider declined the payment (card, funds, fraud rules). */
	DECLINED,

	/** The call failed (provider error, network). */
	ERROR,

	/** The provider did not answer in time. */
	TIMEOUT;

	final String tagValue = name().toLowerCase(Locale.ROOT);

}
