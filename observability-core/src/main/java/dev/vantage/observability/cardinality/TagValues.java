package dev.vantage.observability.cardinality;

import org.jspecify.annotations.Nullable;

/**
 * Makes free-text tag values safe: trimmed, without control characters and at most
 * {@value #MAX_LENGTH} characters long.
 */
public final class TagValues {

	/** The longest tag value Vantage keeps; longer values are cut. */
	public static final int MAX_LENGTH = 64;

	/** The value used when a free-text value is missing or empty after cleaning. */
	public static final String NONE = "none";

	/** The value that stands for every value past a cardinality limit. */
	public static final String OTHER = "other";

	private TagValues() {
	}

	/**
	 * Cleans a free-text tag value.
	 * @param value the raw value, possibly {@code null}
	 * @return the cleaned value, {@value #NONE} when nothing is left
	 */
	public static String sanitize(@Nullable String value) {
		if (value == null) {
			return NONE;
		}
		if (isClean(value)) {
			return value;
		}
		StringBuilder cleaned = new StringBuilder(Math.min(value.length(), MAX_LENGTH));
		for (int i = 0; i < value.length() && cleaned.length() < MAX_LENGTH; i++) {
			char c = value.charAt(i);
			if (!isUnsafe(c)) {
				cleaned.append(c);
			}
		}
		String result = cleaned.toString().strip();
		return result.isEmpty() ? NONE : result;
	}

	/**
	 * Tells whether a value would come out of {@link #sanitize(String)} unchanged.
	 * @param value the value
	 * @return {@code true} when the value needs no cleaning
	 */
	public static boolean isClean(String value) {
		int length = value.length();
		if (length == 0 || length > MAX_LENGTH || Character.isWhitespace(value.charAt(0))
				|| Character.isWhitespace(value.charAt(length - 1))) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (isUnsafe(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUnsafe(char c) {
		// ISO controls cover CR, LF, TAB and U+0085; line and paragraph separators break log lines too.
		return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
	}

}
