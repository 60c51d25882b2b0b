package dev.vantage.observability.rum;

import java.util.List;

import dev.vantage.observability.support.Arguments;

/**
 * What a page reported, as parsed: nothing in it is trusted yet.
 *
 * @param page the route template the page declared
 * @param view whether this beacon opens a page view
 * @param errors uncaught errors and unhandled rejections since the last beacon
 * @param measurements the web vitals, as the page named them, in milliseconds (CLS unitless)
 */
public record Beacon(String page, boolean view, long errors, List<Measurement> measurements) {

	/**
	 * Checks the parts.
	 * @param page the route template the page declared
	 * @param view whether this beacon opens a page view
	 * @param errors uncaught errors and unhandled rejections since the last beacon
	 * @param measurements the web vitals
	 */
	public Beacon {
		Arguments.requireNonNull(page, "page");
		measurements = List.copyOf(Arguments.requireNonNull(measurements, "measurements"));
	}

	/**
	 * One reported value.
	 *
	 * @param name the vital's name, for example {@code LCP}
	 * @param value milliseconds for a timed vital, unitless for CLS
	 */
	public record Measurement(String name, double value) {

		/**
		 * Checks the name.
		 * @param name the vital's name
		 * @param value the value
		 */
		public Measurement {
			Arguments.requireNonNull(name, "name");
		}

	}

}
