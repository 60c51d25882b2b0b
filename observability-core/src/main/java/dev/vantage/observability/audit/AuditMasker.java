package dev.vantage.observability.audit;

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
	public static final List<String> DEFAULT_MASKED_KEYS = List.of("password", "secret", "token", "authorization",
			"card_number", "cvv", "iban");

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
	}

	/**
	 * Tells whether the value of a key is masked.
	 * @param key the key
	 * @return {@code true} for a sensitive key
	 */
	public boolean isMaskedKey(String key) {
		String normalized = normalize(key);
		for (String masked : this.maskedKeys) {
			if (normalized.contains(masked)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Masks the value of a key.
	 * @param key the key
	 * @param value the value
	 * @return the value to write
	 */
	public String mask(String key, String value) {
		return isMaskedKey(key) ? MASK : mask(value);
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
		String bounded = (value.length() > MAX_VALUE_LENGTH) ? value.substring(0, MAX_VALUE_LENGTH) + "..." : value;
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
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
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
