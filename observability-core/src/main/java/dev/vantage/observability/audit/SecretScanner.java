package dev.vantage.observability.audit;

/**
 * Masks secrets in free text in one pass, in time linear in its length (no regular expression
 * that can backtrack): values of masked keys ({@code password=x}, {@code secret: 'x y'},
 * {@code "token": "a b"}, {@code X-Api-Key: x}, cookies to the end of their line), the password
 * of a URL's user information ({@code postgres://admin:****@db}), bearer, basic and digest
 * credentials, JSON web tokens and e-mail addresses. Each lookahead is bounded by what the
 * main loop then skips, so every character is read a bounded number of times.
 */
final class SecretScanner {

	/** The longest user information of a URL looked at. */
	private static final int MAX_USER_INFO = 256;

	private final KeyMatcher maskedKey;

	SecretScanner(KeyMatcher maskedKey) {
		this.maskedKey = maskedKey;
	}

	/** Tells whether a word of a text is a masked key. */
	@FunctionalInterface
	interface KeyMatcher {

		boolean test(String text, int start, int end);

	}

	String mask(String text) {
		StringBuilder out = null;
		int n = text.length();
		int copied = 0;
		int i = 0;
		while (i < n) {
			if (!isWordChar(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			int end = wordEnd(text, i);
			int[] masked = maskAt(text, start, end);
			if (masked == null) {
				i = end;
				continue;
			}
			// masked = {from, to, resume}: text[from, to) becomes the mask, scanning goes on at resume.
			if (out == null) {
				out = new StringBuilder(n);
			}
			out.append(text, copied, masked[0]).append(AuditMasker.MASK);
			copied = masked[1];
			i = Math.max(masked[2], start + 1);
		}
		if (out == null) {
			return text;
		}
		return out.append(text, copied, n).toString();
	}

	/** Returns what to mask for the word text[start, end), or {@code null}. */
	private int[] maskAt(String text, int start, int end) {
		int n = text.length();
		if (text.startsWith("://", end)) {
			return urlPassword(text, end + 3);
		}
		if (text.startsWith("eyJ", start) && hasDot(text, start, end)) {
			return new int[] { start, end, end };
		}
		if (end < n && text.charAt(end) == '@') {
			int domainEnd = domainEnd(text, end + 1);
			if (domainEnd > 0) {
				return new int[] { start, domainEnd, domainEnd };
			}
		}
		if (isCredentialScheme(text, start, end)) {
			int token = skipSpaces(text, end);
			if (token > end && token < n && isTokenChar(text.charAt(token))) {
				int tokenEnd = tokenEnd(text, token);
				return new int[] { token, tokenEnd, tokenEnd };
			}
		}
		if (this.maskedKey.test(text, start, end)) {
			return keyValue(text, end, isCookie(text, start, end));
		}
		return null;
	}

	/** {@code scheme://user:password@host}: the password, when there is one. */
	private static int[] urlPassword(String text, int from) {
		int colon = -1;
		int limit = Math.min(text.length(), from + MAX_USER_INFO);
		for (int i = from; i < limit; i++) {
			char c = text.charAt(i);
			if (c == '@') {
				return (colon >= 0 && colon + 1 < i) ? new int[] { colon + 1, i, i } : null;
			}
			if (c == '/' || c == '?' || c == '#' || Character.isWhitespace(c)) {
				return null;
			}
			if (c == ':' && colon < 0) {
				colon = i;
			}
		}
		return null;
	}

	/** After a masked key: an optional closing quote, a separator and the value. */
	private static int[] keyValue(String text, int from, boolean toEndOfLine) {
		int n = text.length();
		int i = skipQuote(text, from);
		i = skipSpaces(text, i);
		if (i >= n || (text.charAt(i) != '=' && text.charAt(i) != ':')) {
			return null;
		}
		i = skipSpaces(text, i + 1);
		if (i >= n) {
			return null;
		}
		int escape = (text.charAt(i) == '\\' && i + 1 < n && isQuote(text.charAt(i + 1))) ? 1 : 0;
		char first = text.charAt(i + escape);
		if (isQuote(first)) {
			int value = i + escape + 1;
			int close = closingQuote(text, value, first, escape == 1);
			return (close > value) ? new int[] { value, close, close } : null;
		}
		int valueEnd = toEndOfLine ? lineEnd(text, i) : valueEnd(text, i);
		if (!toEndOfLine && isCredentialScheme(text, i, valueEnd)) {
			// "Authorization: Bearer x": the scheme stays, the credential goes.
			int token = skipSpaces(text, valueEnd);
			if (token > valueEnd && token < n && isTokenChar(text.charAt(token))) {
				int tokenEnd = tokenEnd(text, token);
				return new int[] { token, tokenEnd, tokenEnd };
			}
		}
		return (valueEnd > i) ? new int[] { i, valueEnd, valueEnd } : null;
	}

	private static int closingQuote(String text, int from, char quote, boolean escaped) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				if (escaped) {
					return i;
				}
				i++;
			}
			else if (c == quote || c == '\n' || c == '\r') {
				return i;
			}
		}
		return text.length();
	}

	private static int domainEnd(String text, int from) {
		int i = from;
		int dots = 0;
		while (i < text.length() && (isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-' || text.charAt(i) == '.')) {
			dots += (text.charAt(i) == '.') ? 1 : 0;
			i++;
		}
		while (i > from && text.charAt(i - 1) == '.') {
			i--;
			dots--;
		}
		return (dots > 0 && i > from && text.charAt(from) != '.') ? i : -1;
	}

	private static boolean isCredentialScheme(String text, int start, int end) {
		int length = end - start;
		return (length == 6 && text.regionMatches(true, start, "bearer", 0, 6))
				|| (length == 5 && text.regionMatches(true, start, "basic", 0, 5))
				|| (length == 6 && text.regionMatches(true, start, "digest", 0, 6));
	}

	private static boolean isCookie(String text, int start, int end) {
		for (int i = start; i + 6 <= end; i++) {
			if (text.regionMatches(true, i, "cookie", 0, 6)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasDot(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (text.charAt(i) == '.') {
				return true;
			}
		}
		return false;
	}

	private static int skipQuote(String text, int i) {
		if (i < text.length() && text.charAt(i) == '\\' && i + 1 < text.length() && isQuote(text.charAt(i + 1))) {
			return i + 2;
		}
		return (i < text.length() && isQuote(text.charAt(i))) ? i + 1 : i;
	}

	private static int skipSpaces(String text, int i) {
		while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
			i++;
		}
		return i;
	}

	private static int wordEnd(String text, int i) {
		while (i < text.length() && isWordChar(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int tokenEnd(String text, int i) {
		while (i < text.length() && isTokenChar(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int valueEnd(String text, int i) {
		while (i < text.length() && !isValueEnd(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int lineEnd(String text, int i) {
		while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
			i++;
		}
		return i;
	}

	private static boolean isValueEnd(char c) {
		return Character.isWhitespace(c) || c == ',' || c == ';' || c == '&' || c == '"' || c == '\'' || c == ')'
				|| c == '}' || c == ']' || c == '>' || c == '\\';
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '\'';
	}

	private static boolean isWordChar(char c) {
		return isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+' || c == '%';
	}

	private static boolean isTokenChar(char c) {
		return isLetterOrDigit(c) || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=' || c == '-';
	}

	private static boolean isLetterOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

}
