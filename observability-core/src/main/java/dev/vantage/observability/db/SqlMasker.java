package dev.vantage.observability.db;

import java.util.regex.Pattern;

/**
 * Replaces the literals of a SQL statement with {@code ?} so that it can be logged without
 * the data it carries.
 */
public final class SqlMasker {

	/** The longest masked statement returned; longer ones are cut and marked. */
	public static final int MAX_LENGTH = 2000;

	// String literals (with '' escapes, E'' and X'' prefixes), dollar-quoted bodies and numbers.
	private static final Pattern LITERALS = Pattern
		.compile("(?s)[eExXbBnN]?'(?:[^']|'')*'?|\\$([A-Za-z_]*)\\$.*?\\$\\1\\$|(?<![\\w$.])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?\\b");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private SqlMasker() {
	}

	/**
	 * Masks the literals of a statement and folds its white space.
	 * @param sql the statement
	 * @return the masked statement, at most {@value #MAX_LENGTH} characters
	 */
	public static String mask(String sql) {
		String masked = WHITESPACE.matcher(LITERALS.matcher(sql).replaceAll("?")).replaceAll(" ").strip();
		return (masked.length() <= MAX_LENGTH) ? masked : masked.substring(0, MAX_LENGTH) + "...";
	}

}
