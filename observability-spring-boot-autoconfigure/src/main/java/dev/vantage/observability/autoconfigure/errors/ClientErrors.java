package dev.vantage.observability.autoconfigure.errors;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The exceptions that mean a client's mistake when they end a request with a 4xx: the
 * framework found no handler, or could not read what the client sent. They are counted where
 * Boot counts them ({@code http_server_requests_seconds{status}}), not as error groups. Types
 * are matched by name along the exception's class hierarchy, so that a type absent from the
 * class path (the other web stack's) costs nothing; a 5xx is always the service's.
 */
final class ClientErrors {

	private final Set<String> types;

	private ClientErrors(Set<String> types) {
		this.types = types;
	}

	/**
	 * Reads the configured types: each must be a class on the class path, unless it is one of
	 * the defaults (which name both web stacks' types).
	 * @param property the property's name, for the message
	 * @param types the class names
	 * @param defaults the property's default, whose types may be absent
	 * @param classLoader where to look for them
	 * @return the client errors
	 */
	static ClientErrors of(String property, List<String> types, List<String> defaults,
			@Nullable ClassLoader classLoader) {
		Set<String> names = new LinkedHashSet<>();
		for (String type : types) {
			String name = type.strip();
			if (!defaults.contains(name) && !ClassUtils.isPresent(name, classLoader)) {
				throw new IllegalArgumentException(
						"'" + property + "' names '" + name + "', which is not a class on the class path");
			}
			names.add(name);
		}
		return new ClientErrors(Set.copyOf(names));
	}

	/**
	 * Tells whether an exception that ended a request with this status was the client's mistake.
	 * @param error the exception
	 * @param status the response status
	 * @return {@code true} for a 4xx of a listed type or a subtype of one
	 */
	boolean isClientError(Throwable error, int status) {
		if (status < 400 || status >= 500 || this.types.isEmpty()) {
			return false;
		}
		for (Class<?> type = error.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			if (this.types.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

}
