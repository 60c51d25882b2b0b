package dev.vantage.observability.business;

import java.util.Locale;

/**
 * The status an order reached, the {@code status} tag of {@code business_orders_total}.
 */
public enum OrderStatus {

	/** The customer placed the order. */
	PLACED,

	/** The order was paid. */
	PAID,

	/** The order left the warehouse. */
	SHIPPED,

	/** The order reached the customer. */
	DELIVERED,

	/** The order was cancelled before delivery. */
	CANCELLED,

	/** The order was refunded. */
	REFUNDED,

	/** The order could not be completed. */
	FAILED;

	final String tagValue = name().toLowerCase(Locale.ROOT);

}
