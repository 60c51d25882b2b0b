package dev.vantage.observability.support;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The argument checks of the public API, shared so that recording and no-op
 * implementations refuse the same input with the same message. Internal to Vantage.
 */
public final class Arguments {

	private Arguments() {
	}

	/**
	 * Refuses {@code null}.
	 * @param <T> the type of the value
	 * @param value the argument
	 * @param name the parameter's name, for the message
	 * @return the value
	 * @throws IllegalArgumentException naming the parameter when the value is {@code null}
	 */
	public static <T> T requireNonNull(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException("'" + name + "' must not be null");
		}
		return value;
	}

	/**
	 * Refuses a negative count.
	 * @param value the argument
	 * @param name the parameter's name, for the message
	 * @return the value
	 * @throws IllegalArgumentException naming the parameter and value when it is negative
	 */
	public static long requireNotNegative(long value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException("'" + name + "' must not be negative, was " + value);
		}
		return value;
	}

	/**
	 * Refuses a {@code null} or negative duration.
	 * @param value the argument
	 * @param name the parameter's name, for the message
	 * @return the value
	 * @throws IllegalArgumentException naming the parameter and value when it is null or negative
	 */
	public static Duration requireNotNegative(@Nullable Duration value, String name) {
		if (requireNonNull(value, name).isNegative()) {
			throw new IllegalArgumentException("'" + name + "' must not be negative, was " + value);
		}
		return value;
	}

	/**
	 * Refuses an amount that is negative, NaN or infinite.
	 * @param value the argument
	 * @param name the parameter's name, for the message
	 * @return the value
	 * @throws IllegalArgumentException naming the parameter and value when it is not a finite,
	 * non-negative number
	 */
	public static double requireAmount(double value, String name) {
		if (!(value >= 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("'" + name + "' must be finite and not negative, was " + value);
		}
		return value;
	}

}
