package dev.vantage.observability.audit;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Keeps secrets out of the audit log: values of sensitive keys become {@value #MASK}, card
 * numbers anywhere in a value keep only their last four digits, client addresses can be
 * anonymised, and every value is cut to {@value #MAX_VALUE_LENGTH} characters.
 */
public final class AuditMasker {

	/** The keys masked by default; a key matches when its letters and digits contain one. */
	public static final List<String> DEFAULT_MASKED_KEYS = List.of("password", "passwd", "pwd", "secret", "token",
			"authorization", "api_key", "credential", "private_key", "access_key", "cookie", "session", "card_number",
			"cvv", "iban");

	/** What a masked value becomes. */
	public static final String MASK = "****";

	/** The longest value written; longer ones are cut. */
	public static final int MAX_VALUE_LENGTH = 2048;

	/** The fewest digits {@link #CARD_NUMBER} matches. */
	private static final int MIN_CARD_DIGITS = 13;

	// 13 to 19 digits, optionally grouped by single spaces or dashes, not part of a longer number.
	private static final Pattern CARD_NUMBER = Pattern.compile("(?<![\\d])\\d(?:[ -]?\\d){12,18}(?![\\d])");

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})\\.\\d{1,3}");

	private final String[] maskedKeys;

	private final int shortestKey;

	private final SecretScanner scanner;

	private final boolean anonymizeClientIp;

	/**
	 * Creates a masker.
	 * @param maskedKeys keys whose values are masked, matched ignoring case and separators
	 * @param anonymizeClientIp whether client addresses lose their host part
	 */
	public AuditMasker(List<String> maskedKeys, boolean anonymizeClientIp) {
		this.maskedKeys = maskedKeys.stream().map(AuditMasker::normalize).filter((key) -> !key.isEmpty())
			.toArray(String[]::new);
		this.anonymizeClientIp = anonymizeClientIp;
		this.shortestKey = Arrays.stream(this.maskedKeys).mapToInt(String::length).min().orElse(Integer.MAX_VALUE);
		this.scanner = new SecretScanner(this::isMaskedKey);
	}

	/**
	 * Tells whether the value of a key is masked.
	 * @param key the key
	 * @return {@code true} for a sensitive key
	 */
	public boolean isMaskedKey(String key) {
		return isMaskedKey(key, 0, key.length());
	}

	private boolean isMaskedKey(String text, int start, int end) {
		if (end - start < this.shortestKey) {
			return false;
		}
		String normalized = normalize(text, start, end);
		for (String masked : this.maskedKeys) {
			if (normalized.contains(masked)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Masks the value of a key: all of it under a masked key, otherwise as free text
	 * ({@link #maskText(String, int)}, cut to {@value #MAX_VALUE_LENGTH} characters).
	 * @param key the key
	 * @param value the value
	 * @return the value to write
	 */
	public String mask(String key, String value) {
		return isMaskedKey(key) ? MASK : maskText(value, MAX_VALUE_LENGTH);
	}

	/**
	 * Masks card numbers in a free-text value and bounds its length.
	 * @param value the value, possibly {@code null}
	 * @return the value to write, {@code null} when absent
	 */
	public @Nullable String mask(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return maskCardNumbers((value.length() > MAX_VALUE_LENGTH) ? value.substring(0, MAX_VALUE_LENGTH) + "..." : value);
	}

	private static String maskCardNumbers(String bounded) {
		if (digits(bounded) < MIN_CARD_DIGITS) {
			// Most values (ids, names, statuses) cannot hold a card number: no regex for them.
			return bounded;
		}
		Matcher matcher = CARD_NUMBER.matcher(bounded);
		if (!matcher.find()) {
			return bounded;
		}
		StringBuilder masked = new StringBuilder(bounded.length());
		do {
			String digits = matcher.group().replaceAll("[ -]", "");
			matcher.appendReplacement(masked, MASK + digits.substring(digits.length() - 4));
		}
		while (matcher.find());
		matcher.appendTail(masked);
		return masked.toString();
	}

	/**
	 * Masks free text that may hold anything, such as an exception's message, in time linear in
	 * its length: card numbers keep their last four digits; the values of masked keys (quoted
	 * values with spaces too), the passwords of URLs, bearer, basic and digest credentials, JSON
	 * web tokens and e-mail addresses become {@value #MASK}; the text is cut to {@code maxLength}
	 * characters first.
	 * @param value the text, possibly {@code null}
	 * @param maxLength the most characters kept, at least 1
	 * @return the text to show, {@code null} when absent
	 */
	public @Nullable String maskText(@Nullable String value, int maxLength) {
		if (maxLength < 1) {
			throw new IllegalArgumentException("'maxLength' must be at least 1, was " + maxLength);
		}
		if (value == null) {
			return null;
		}
		return this.scanner.mask(maskCardNumbers((value.length() > maxLength) ? value.substring(0, maxLength) + "..." : value));
	}

	/**
	 * Prepares a client address: masked like any value and, if configured, anonymised
	 * (IPv4 keeps its first three bytes, IPv6 its first three groups).
	 * @param clientIp the address, possibly {@code null}
	 * @return the address to write
	 */
	public @Nullable String clientIp(@Nullable String clientIp) {
		String value = mask(clientIp);
		if (value == null || !this.anonymizeClientIp) {
			return value;
		}
		Matcher ipv4 = IPV4.matcher(value);
		if (ipv4.matches()) {
			return ipv4.group(1) + ".0";
		}
		if (value.indexOf(':') >= 0) {
			String[] groups = value.split(":", -1);
			return (groups.length > 3) ? groups[0] + ":" + groups[1] + ":" + groups[2] + "::" : value;
		}
		return MASK;
	}

	/** The key in lower case without separators ({@code Card-Number} is {@code cardnumber}), without a regex. */
	private static String normalize(String key) {
		return normalize(key, 0, key.length());
	}

	private static String normalize(String key, int start, int end) {
		StringBuilder normalized = new StringBuilder(end - start);
		for (int i = start; i < end; i++) {
			char c = Character.toLowerCase(key.charAt(i));
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				normalized.append(c);
			}
		}
		return normalized.toString();
	}

	private static int digits(String value) {
		int digits = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
		}
		return digits;
	}

}
