package dev.vantage.observability.errors;

import org.jspecify.annotations.Nullable;

/**
 * Overrides how errors are grouped (Sentry's {@code fingerprint}): declare beans of this type,
 * in order; the first one that returns a key puts the error in the group of that key, hashed
 * into a fingerprint like any other. Return {@code null} to keep the default grouping by
 * exception type, root cause and application frames. Keys must not hold ids, numbers or
 * anything else that differs from one occurrence to the next.
 */
@FunctionalInterface
public interface ErrorGrouping {

	/**
	 * Returns the group of an error.
	 * @param error the exception
	 * @return a stable key, or {@code null} for the default grouping
	 */
	@Nullable String groupKey(Throwable error);

}
