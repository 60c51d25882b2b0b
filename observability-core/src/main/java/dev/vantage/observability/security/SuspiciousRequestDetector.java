package dev.vantage.observability.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Recognises injection and path-traversal patterns in a request's path and query, after
 * URL-decoding them (twice, for double encoding). It only reports: it never blocks or
 * changes anything. Patterns need more than one odd character, so names like O'Reilly,
 * prices like 10-20 and ordinary searches do not match.
 */
public final class SuspiciousRequestDetector {

	/** The longest part of a request inspected; the rest is ignored. */
	public static final int MAX_INSPECTED_LENGTH = 4096;

	private static final List<Rule> RULES = List.of(
			new Rule("path_traversal", SuspiciousActivityType.PATH_TRAVERSAL, Severity.HIGH,
					"(?:^|[/\\\\=])\\.\\.(?:[/\\\\]|$)|/etc/passwd|\\\\windows\\\\|\\x00"),
			new Rule("sql_injection", SuspiciousActivityType.INJECTION_ATTEMPT, Severity.HIGH,
					"'\\s*(?:or|and)\\s+['\\w]+\\s*(?:=|like)|\\bunion(?:\\s|/\\*.*?\\*/)+(?:all\\s+)?select\\b"
							+ "|;\\s*(?:drop|delete|insert|update|truncate|alter|shutdown)\\s|'\\s*(?:--|#|/\\*)"
							+ "|\\b(?:sleep|benchmark|pg_sleep|waitfor\\s+delay)\\s*\\(|\\binformation_schema\\b"
							+ "|\\bxp_cmdshell\\b"),
			new Rule("script_injection", SuspiciousActivityType.INJECTION_ATTEMPT, Severity.MEDIUM,
					"<\\s*script\\b|javascript\\s*:|\\bon(?:error|load|mouseover|focus)\\s*=|<\\s*(?:iframe|svg|img)\\b[^>]*\\bon\\w+\\s*="));

	/**
	 * Inspects a request.
	 * @param path the request path (raw or decoded)
	 * @param query the query string, or {@code null}
	 * @return the first rule that matched, or {@code null} when the request looks ordinary
	 */
	public @Nullable Finding inspect(String path, @Nullable String query) {
		if (isPlain(path) && (query == null || isPlain(query))) {
			return null;
		}
		String text = normalize(path) + ((query != null) ? "?" + normalize(query) : "");
		for (Rule rule : RULES) {
			if (rule.pattern.matcher(text).find()) {
				return new Finding(rule.name, rule.type, rule.severity);
			}
		}
		return null;
	}

	/**
	 * Tells whether a value lacks every character a rule needs (quote, angle bracket,
	 * semicolon, parenthesis, backslash, colon, escapes, encoded spaces, dot pairs, NUL), so
	 * that ordinary requests skip decoding and matching.
	 */
	private static boolean isPlain(String value) {
		int length = Math.min(value.length(), MAX_INSPECTED_LENGTH);
		for (int i = 0; i < length; i++) {
			switch (value.charAt(i)) {
				case '\'', '"', '<', ';', '(', '\\', ':', '%', '+', '\0':
					return false;
				case '.':
					if (i + 1 < length && value.charAt(i + 1) == '.') {
						return false;
					}
					break;
				default:
					break;
			}
		}
		return value.indexOf("/etc/") < 0;
	}

	private static String normalize(String value) {
		String bounded = (value.length() > MAX_INSPECTED_LENGTH) ? value.substring(0, MAX_INSPECTED_LENGTH) : value;
		return decode(decode(bounded)).toLowerCase(Locale.ROOT);
	}

	private static String decode(String value) {
		if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
			return value;
		}
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A malformed escape is left as it is and inspected raw.
			return value;
		}
	}

	/**
	 * What matched.
	 *
	 * @param rule the rule's name, for the audit log
	 * @param type the activity type
	 * @param severity the severity
	 */
	public record Finding(String rule, SuspiciousActivityType type, Severity severity) {
	}

	private record Rule(String name, SuspiciousActivityType type, Severity severity, Pattern pattern) {

		Rule(String name, SuspiciousActivityType type, Severity severity, String regex) {
			this(name, type, severity, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
		}

	}

}
