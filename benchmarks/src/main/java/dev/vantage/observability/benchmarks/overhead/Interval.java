package dev.vantage.observability.benchmarks.overhead;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * A median with its bootstrap 95 % interval (percentile method, a fixed seed so that a report
 * can be reproduced from its numbers).
 * @param median the median of the values
 * @param low the 2.5th percentile of the resampled medians
 * @param high the 97.5th percentile of the resampled medians
 */
record Interval(double median, double low, double high) {

	static final int BOOTSTRAP_SAMPLES = 10_000;

	/**
	 * The median of the values and its interval.
	 * @param values at least one value
	 * @return the interval
	 */
	static Interval ofMedian(double[] values) {
		if (values.length == 0) {
			throw new IllegalArgumentException("'values' must not be empty");
		}
		SplittableRandom random = new SplittableRandom(42);
		double[] medians = new double[BOOTSTRAP_SAMPLES];
		double[] resample = new double[values.length];
		for (int b = 0; b < BOOTSTRAP_SAMPLES; b++) {
			for (int i = 0; i < values.length; i++) {
				resample[i] = values[random.nextInt(values.length)];
			}
			medians[b] = median(resample);
		}
		Arrays.sort(medians);
		return new Interval(median(values), medians[(int) (BOOTSTRAP_SAMPLES * 0.025)],
				medians[(int) (BOOTSTRAP_SAMPLES * 0.975) - 1]);
	}

	/** The median of the paired ratios a[i] / b[i]. */
	static <T> Interval ofRatios(List<T> a, List<T> b, ToDoubleFunction<T> value) {
		return ofMedian(paired(a, b, value, true));
	}

	/** The median of the paired differences a[i] - b[i]. */
	static <T> Interval ofDifferences(List<T> a, List<T> b, ToDoubleFunction<T> value) {
		return ofMedian(paired(a, b, value, false));
	}

	private static <T> double[] paired(List<T> a, List<T> b, ToDoubleFunction<T> value, boolean ratio) {
		if (a.size() != b.size()) {
			throw new IllegalArgumentException("pairs need as many values on each side, were " + a.size() + " and "
					+ b.size());
		}
		double[] paired = new double[a.size()];
		for (int i = 0; i < paired.length; i++) {
			double x = value.applyAsDouble(a.get(i));
			double y = value.applyAsDouble(b.get(i));
			paired[i] = ratio ? x / y : x - y;
		}
		return paired;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The median and interval in one format, for example {@code %.3f}: {@code 1.020 [0.990, 1.050]}. */
	String format(String number) {
		return String.format(number + " [" + number + ", " + number + "]", this.median, this.low, this.high);
	}

}
