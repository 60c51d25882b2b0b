package dev.vantage.observability.security;

import java.util.Locale;

/**
 * How serious a suspicious activity is, the severity tag.
 */
public enum Severity {

	/** Worth a look. */
	LOW,

	/** Likely hostile. */
	MEDIUM,

	/** Hostile, act soon. */
	HIGH,

	/** Act now. */
	CRITICAL;

	final String tagValue = name().toLowerCase(Locale.ROOT);

}
