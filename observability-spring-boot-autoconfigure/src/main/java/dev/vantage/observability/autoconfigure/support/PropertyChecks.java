package dev.vantage.observability.autoconfigure.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * The checks every concern's properties apply when bound, so that invalid configuration
 * fails startup with a message naming the property. Internal to the starter.
 */
public final class PropertyChecks {

	private PropertyChecks() {
	}

	/**
	 * Requires a positive duration.
	 * @param property the full property name
	 * @param value the value
	 * @return the value
	 */
	public static Duration positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("'" + property + "' must be positive, was " + value);
		}
		return value;
	}

	/**
	 * Requires a duration that is not negative.
	 * @param property the full property name
	 * @param value the value
	 * @return the value
	 */
	public static Duration notNegative(String property, Duration value) {
		if (value.isNegative()) {
			throw new IllegalArgumentException("'" + property + "' must not be negative, was " + value);
		}
		return value;
	}

	/**
	 * Requires a positive size.
	 * @param property the full property name
	 * @param value the value
	 * @return the value
	 */
	public static DataSize positive(String property, DataSize value) {
		if (value.toBytes() <= 0) {
			throw new IllegalArgumentException("'" + property + "' must be positive, was " + value);
		}
		return value;
	}

	/**
	 * Requires a number of at least 1.
	 * @param property the full property name
	 * @param value the value
	 * @return the value
	 */
	public static int atLeastOne(String property, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("'" + property + "' must be at least 1, was " + value);
		}
		return value;
	}

	/**
	 * Requires text that is not blank.
	 * @param property the full property name
	 * @param value the value
	 * @return the value
	 */
	public static String notBlank(String property, String value) {
		if (value.isBlank()) {
			throw new IllegalArgumentException("'" + property + "' must not be blank");
		}
		return value;
	}

	/**
	 * Requires a request path: starting with {@code /}, without spaces, quotes, backslashes,
	 * angle brackets, query or fragment (so it is safe inside a script string, too).
	 * @param property the full property name
	 * @param value the value
	 * @return the value
	 */
	public static String path(String property, String value) {
		if (!value.startsWith("/") || value.chars().anyMatch((c) -> c <= ' ' || "?#\"\\<>".indexOf(c) >= 0)) {
			throw new IllegalArgumentException("'" + property
					+ "' must be a path (a leading /; no spaces, quotes, backslashes, angle brackets, query or fragment), was '"
					+ value + "'");
		}
		return value;
	}

	/**
	 * Requires histogram buckets: at least one, each positive.
	 * @param property the full property name
	 * @param value the value
	 * @return a mutable copy of the value
	 */
	public static List<Duration> buckets(String property, List<Duration> value) {
		if (value.isEmpty()) {
			throw new IllegalArgumentException("'" + property + "' must list at least one duration");
		}
		value.forEach((bucket) -> positive(property, bucket));
		return new ArrayList<>(value);
	}

}
