package dev.vantage.observability.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The result of one check of a dependency.
 *
 * @param name the dependency
 * @param up whether it answered in time and without error
 * @param timedOut whether it did not answer within the timeout
 * @param latencyMs how long the check took (the timeout when it timed out)
 * @param error why it is DOWN, a message without stack trace; {@code null} when UP
 * @param checkedAt when the check started
 * @param details the check's own details
 */
public record DependencyStatus(String name, boolean up, boolean timedOut, long latencyMs, @Nullable String error,
		Instant checkedAt, Map<String, Object> details) {

	/**
	 * Returns every detail a health endpoint shows: {@code latencyMs}, {@code error} when
	 * DOWN, and the check's own.
	 * @return the details, in a stable order
	 */
	public Map<String, Object> allDetails() {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("latencyMs", this.latencyMs);
		if (this.error != null) {
			all.put("error", this.error);
		}
		all.putAll(this.details);
		return all;
	}

}
