package dev.vantage.observability.testsupport;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations of minutes and seconds as Prometheus, promtool tests and the docs' detection table
 * write them, such as {@code 1m45s}.
 */
public final class PrometheusDurations {

	private static final Pattern MINUTES_AND_SECONDS = Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s)?");

	private PrometheusDurations() {
	}

	/** Reads a duration such as {@code 11m30s}, {@code 2m} or {@code 15s}. */
	public static Duration parse(String text) {
		Matcher matcher = MINUTES_AND_SECONDS.matcher(text);
		if (text.isEmpty() || !matcher.matches()) {
			throw new IllegalArgumentException("'text' is not a duration of minutes and seconds: " + text);
		}
		long minutes = (matcher.group(1) != null) ? Long.parseLong(matcher.group(1)) : 0;
		long seconds = (matcher.group(2) != null) ? Long.parseLong(matcher.group(2)) : 0;
		return Duration.ofMinutes(minutes).plusSeconds(seconds);
	}

	/** Writes a duration as {@link #parse} reads it, without a zero part: {@code 2m}, {@code 1m45s}, {@code 15s}. */
	public static String format(Duration duration) {
		long minutes = duration.toMinutes();
		int seconds = duration.toSecondsPart();
		return (minutes > 0) ? minutes + "m" + ((seconds > 0) ? seconds + "s" : "") : seconds + "s";
	}

}
