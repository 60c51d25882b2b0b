package dev.vantage.observability.rum;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The web vitals a page reports, with the published thresholds between "good", "needs
 * improvement" and "poor" (web.dev), and the largest value taken as real.
 */
public enum WebVital {

	/** Largest Contentful Paint. */
	LCP(2.5, 4.0, 60),

	/** Interaction to Next Paint. */
	INP(0.2, 0.5, 60),

	/** First Contentful Paint. */
	FCP(1.8, 3.0, 60),

	/** Time to First Byte. */
	TTFB(0.8, 1.8, 60),

	/** Cumulative Layout Shift (unitless). */
	CLS(0.1, 0.25, 10);

	private final String tag;

	private final double good;

	private final double poor;

	private final double max;

	WebVital(double good, double poor, double max) {
		this.tag = name().toLowerCase(Locale.ROOT);
		this.good = good;
		this.poor = poor;
		this.max = max;
	}

	/**
	 * Returns the vital a beacon names, as the {@code web-vitals} library spells it.
	 * @param name the name, for example {@code LCP}
	 * @return the vital, or {@code null} when the name is not one
	 */
	public static @Nullable WebVital named(String name) {
		for (WebVital vital : values()) {
			if (vital.name().equals(name)) {
				return vital;
			}
		}
		return null;
	}

	/**
	 * Returns the value of the {@code metric} tag.
	 * @return the lower-case name
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Returns the largest "good" value: seconds for the timed vitals, unitless for CLS.
	 * @return the threshold
	 */
	public double good() {
		return this.good;
	}

	/**
	 * Returns the largest value that "needs improvement"; above it is "poor".
	 * @return the threshold
	 */
	public double poor() {
		return this.poor;
	}

	/**
	 * Tells whether this vital is a duration (all but CLS).
	 * @return whether it is timed
	 */
	public boolean isTimed() {
		return this != CLS;
	}

	/**
	 * Tells whether a reported value can be real: finite, not negative and at most 60 s
	 * (10 for CLS).
	 * @param value the value in seconds, or unitless for CLS
	 * @return whether to record it
	 */
	public boolean isPlausible(double value) {
		return Double.isFinite(value) && value >= 0 && value <= this.max;
	}

}
