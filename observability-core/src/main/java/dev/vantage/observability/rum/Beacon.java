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
 * @param errorDetails the errors by message and top frame, as the page grouped them
 */
public record Beacon(String page, boolean view, long errors, List<Measurement> measurements,
		List<ErrorDetail> errorDetails) {

	/**
	 * Checks the parts.
	 * @param page the route template the page declared
	 * @param view whether this beacon opens a page view
	 * @param errors uncaught errors and unhandled rejections since the last beacon
	 * @param measurements the web vitals
	 * @param errorDetails the errors by message and top frame
	 */
	public Beacon {
		Arguments.requireNonNull(page, "page");
		measurements = List.copyOf(Arguments.requireNonNull(measurements, "measurements"));
		errorDetails = List.copyOf(Arguments.requireNonNull(errorDetails, "errorDetails"));
	}

	/**
	 * A beacon without error details.
	 * @param page the route template the page declared
	 * @param view whether this beacon opens a page view
	 * @param errors uncaught errors and unhandled rejections since the last beacon
	 * @param measurements the web vitals
	 */
	public Beacon(String page, boolean view, long errors, List<Measurement> measurements) {
		this(page, view, errors, measurements, List.of());
	}

	/**
	 * Errors of one kind a page saw.
	 *
	 * @param message the error's message, as the page read it
	 * @param frame the top line of its stack, or {@code file:line:column}
	 * @param count how many times since the last beacon
	 */
	public record ErrorDetail(String message, String frame, long count) {

		/**
		 * Checks the parts.
		 * @param message the message
		 * @param frame the top frame
		 * @param count how many times
		 */
		public ErrorDetail {
			Arguments.requireNonNull(message, "message");
			Arguments.requireNonNull(frame, "frame");
		}

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
