package dev.vantage.observability.db;

import java.util.Locale;

/**
 * The kind of a JDBC statement, the {@code operation} tag of the query meters.
 */
public enum QueryOperation {

	/** A query that reads rows. */
	SELECT,

	/** A statement that adds rows. */
	INSERT,

	/** A statement that changes rows. */
	UPDATE,

	/** A statement that removes rows. */
	DELETE,

	/** Anything else: DDL, calls, transaction control. */
	OTHER;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * Returns the value of the {@code operation} tag.
	 * @return the lower-case name
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
