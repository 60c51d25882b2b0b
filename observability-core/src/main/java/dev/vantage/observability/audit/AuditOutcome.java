package dev.vantage.observability.audit;

import java.util.Locale;

/**
 * Whether the audited action succeeded.
 */
public enum AuditOutcome {

	/** The action was carried out. */
	SUCCESS,

	/** The action was refused or failed. */
	FAILURE;

	final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * Returns the value written to the log and the {@code outcome} tag.
	 * @return the lower-case name
	 */
	public String value() {
		return this.tagValue;
	}

}
