package dev.vantage.observability.db;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The kind of a statement (JDBC or R2DBC), the {@code operation} tag of the query meters.
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

	/** The operations a statement's first keyword names, tried in this order. */
	private static final QueryOperation[] KEYWORDS = { SELECT, INSERT, UPDATE, DELETE };

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * Classifies a statement by its first keyword, after white space, comments and opening
	 * parentheses; a {@code WITH} query counts by the statement its common table expressions
	 * lead to (the first of select, insert, update or delete after them).
	 * @param sql the statement, may be {@code null}
	 * @return its operation, {@link #OTHER} when unknown
	 */
	public static QueryOperation of(@Nullable String sql) {
		if (sql == null) {
			return OTHER;
		}
		int start = skipNoise(sql, 0);
		QueryOperation first = keyword(sql, start);
		if (first != null) {
			return first;
		}
		if (!sql.regionMatches(true, start, "with", 0, 4)) {
			return OTHER;
		}
		// The statement after the common table expressions: the first keyword outside parentheses.
		int depth = 0;
		for (int i = start + 4; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (depth == 0 && !Character.isLetterOrDigit(sql.charAt(i - 1))) {
				QueryOperation next = keyword(sql, i);
				if (next != null) {
					return next;
				}
			}
		}
		return OTHER;
	}

	private static @Nullable QueryOperation keyword(String sql, int start) {
		for (QueryOperation candidate : KEYWORDS) {
			int end = start + candidate.tagValue.length();
			if (sql.regionMatches(true, start, candidate.tagValue, 0, candidate.tagValue.length())
					&& (end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)))) {
				return candidate;
			}
		}
		return null;
	}

	private static int skipNoise(String sql, int from) {
		int i = from;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c) || c == '(') {
				i++;
			}
			else if (sql.startsWith("--", i)) {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? sql.length() : end + 1;
			}
			else if (sql.startsWith("/*", i)) {
				int end = sql.indexOf("*/", i + 2);
				i = (end < 0) ? sql.length() : end + 2;
			}
			else {
				return i;
			}
		}
		return i;
	}

	/**
	 * Returns the value of the {@code operation} tag.
	 * @return the lower-case name
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
