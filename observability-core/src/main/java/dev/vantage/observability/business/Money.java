package dev.vantage.observability.business;

import java.math.BigDecimal;
import java.util.Currency;

import org.jspecify.annotations.Nullable;

/**
 * A non-negative amount in an ISO 4217 currency, in major units (19.99 EUR).
 *
 * @param amount the amount, never negative
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) {

	/**
	 * Checks the amount and currency.
	 * @param amount the amount, never negative
	 * @param currency the currency
	 */
	public Money {
		if (amount == null) {
			throw new IllegalArgumentException("'amount' must not be null");
		}
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("'amount' must not be negative, was " + amount.toPlainString());
		}
		if (currency == null) {
			throw new IllegalArgumentException("'currency' must not be null");
		}
	}

	/**
	 * Creates an amount.
	 * @param amount the amount, never negative
	 * @param currency the currency
	 * @return the money
	 */
	public static Money of(@Nullable BigDecimal amount, @Nullable Currency currency) {
		return new Money(amount, currency);
	}

	/**
	 * Creates an amount from text, as it arrives from a request or a message.
	 * @param amount the decimal amount, for example {@code "19.99"}
	 * @param currencyCode the ISO 4217 code, for example {@code "EUR"}
	 * @return the money
	 */
	public static Money of(@Nullable String amount, @Nullable String currencyCode) {
		return new Money(parseAmount(amount), parseCurrency(currencyCode));
	}

	private static BigDecimal parseAmount(@Nullable String amount) {
		if (amount == null) {
			throw new IllegalArgumentException("'amount' must not be null");
		}
		try {
			return new BigDecimal(amount.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'amount' must be a decimal number, was '" + printable(amount) + "'");
		}
	}

	private static Currency parseCurrency(@Nullable String code) {
		if (code == null) {
			throw new IllegalArgumentException("'currency' must not be null");
		}
		try {
			return Currency.getInstance(code.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'currency' must be an ISO 4217 code, was '" + printable(code) + "'");
		}
	}

	/** Keeps hostile input out of exception messages that end up in logs. */
	private static String printable(String value) {
		String cut = (value.length() > 32) ? value.substring(0, 32) + "..." : value;
		return cut.replaceAll("\\p{Cntrl}|[\\u2028\\u2029]", "?");
	}

	double toDouble() {
		return this.amount.doubleValue();
	}

}
