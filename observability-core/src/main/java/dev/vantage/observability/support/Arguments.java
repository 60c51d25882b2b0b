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

	public static <T> T requireNonNull(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException("'" + name + "' must not be null");
		}
		return value;
	}

	public static long requireNotNegative(long value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException("'" + name + "' must not be negative, was " + value);
		}
		return value;
	}

	public static Duration requireNotNegative(@Nullable Duration value, String name) {
		if (requireNonNull(value, name).isNegative()) {
			throw new IllegalArgumentException("'" + name + "' must not be negative, was " + value);
		}
		return value;
	}

	public static double requireAmount(double value, String name) {
		if (!(value >= 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("'" + name + "' must be finite and not negative, was " + value);
		}
		return value;
	}

}
