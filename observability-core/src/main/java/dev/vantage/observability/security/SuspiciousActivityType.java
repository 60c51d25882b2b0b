package dev.vantage.observability.security;

import java.util.Locale;

/**
 * Kinds of suspicious activity, the type tag of security_suspicious_activity_total.
 */
public enum SuspiciousActivityType {

	/** Repeated failed logins for one principal or address. */
	BRUTE_FORCE,

	/** SQL, script or command injection patterns in a request. */
	INJECTION_ATTEMPT,

	/** Attempts to climb out of a path. */
	PATH_TRAVERSAL,

	/** A client over its rate limit. */
	RATE_LIMITED,

	/** Anything else the application reports. */
	OTHER;

	final String tagValue = name().toLowerCase(Locale.ROOT);

}
