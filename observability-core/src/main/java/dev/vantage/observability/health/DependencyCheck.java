package dev.vantage.observability.health;

import java.util.Map;

/**
 * One external dependency and how to probe it. A probe that returns normally means UP; one
 * that throws means DOWN, with the exception's message as the error.
 */
public interface DependencyCheck {

	/**
	 * Returns the dependency's name, its health component name and {@code dependency} tag.
	 * @return the name
	 */
	String name();

	/**
	 * Tells whether the dependency being DOWN takes the application's readiness down.
	 * @return {@code true} for a critical dependency
	 */
	boolean critical();

	/**
	 * Probes the dependency once. It may block; the checker bounds how long callers wait.
	 * @throws Exception when the dependency is not usable
	 */
	void probe() throws Exception;

	/**
	 * Returns details shown with every result, for example a sanitized URL.
	 * @return the details
	 */
	default Map<String, Object> details() {
		return Map.of();
	}

}
