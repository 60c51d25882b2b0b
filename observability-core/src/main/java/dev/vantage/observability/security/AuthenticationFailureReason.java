package dev.vantage.observability.security;

import java.util.Locale;

/**
 * The reason a login failed, the reason tag of security_authentication_total.
 */
public enum AuthenticationFailureReason {

	/** Wrong user name or password. */
	BAD_CREDENTIALS,

	/** The account is locked. */
	LOCKED,

	/** The account is disabled. */
	DISABLED,

	/** The account or its credentials expired. */
	EXPIRED,

	/** Any other reason. */
	OTHER;

	final String tagValue = name().toLowerCase(Locale.ROOT);

}
