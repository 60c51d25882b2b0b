package dev.vantage.observability.rum;

import java.util.Locale;

/**
 * Why a beacon, or one value in it, was not recorded: the {@code reason} tag of
 * {@code rum.beacons.rejected}.
 */
public enum Rejection {

	/** The body is not a beacon (400). */
	MALFORMED,

	/** The body is over the size limit (413). */
	TOO_LARGE,

	/** The page's origin is not allowed (403). */
	ORIGIN,

	/** The client sent more beacons than the rate limit allows (429). */
	RATE_LIMITED,

	/** One value was dropped: an unknown or repeated vital, a value out of range, a bad error count. */
	INVALID_VALUE;

	/**
	 * Returns the value of the {@code reason} tag.
	 * @return the lower-case name
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
