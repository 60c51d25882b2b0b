package dev.vantage.observability.benchmarks.overhead;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code wrk --latency} report says: the requests it completed and its p50 and p99.
 * @param requests the requests completed
 * @param p50Millis the median latency
 * @param p99Millis the 99th percentile latency
 */
record WrkReport(long requests, double p50Millis, double p99Millis) {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	/**
	 * Reads a report; fails on one with errors, which would price failures instead of requests.
	 * @param report wrk's output
	 * @param latency whether the report has the latency distribution ({@code --latency})
	 * @return what it says
	 */
	static WrkReport parse(String report, boolean latency) {
		if (report.contains("Non-2xx") || report.contains("Socket errors")) {
			throw new IllegalStateException("wrk saw errors:\n" + report);
		}
		Matcher requests = REQUESTS.matcher(report);
		if (!requests.find()) {
			throw new IllegalStateException("No request count in:\n" + report);
		}
		return new WrkReport(Long.parseLong(requests.group(1)), latency ? percentile(report, "50") : Double.NaN,
				latency ? percentile(report, "99") : Double.NaN);
	}

	private static double percentile(String report, String percentile) {
		Matcher matcher = PERCENTILE.matcher(report);
		while (matcher.find()) {
			if (matcher.group(1).equals(percentile)) {
				double value = Double.parseDouble(matcher.group(2));
				return switch (matcher.group(3)) {
					case "us" -> value / 1000;
					case "s" -> value * 1000;
					default -> value;
				};
			}
		}
		throw new IllegalStateException("No " + percentile + "% latency in:\n" + report);
	}

}
