package dev.vantage.observability.benchmarks.overhead;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The tables a comparison prints. */
final class Report {

	private Report() {
	}

	/** Medians with their intervals, one row per variant. */
	static void medians(Map<Variant, List<Burst>> bursts) {
		System.out.println();
		System.out.println("medians [95% interval]       req/s                 CPU us/request        "
				+ "B/request                   p50 ms           p99 ms");
		for (Map.Entry<Variant, List<Burst>> entry : bursts.entrySet()) {
			List<Burst> runs = entry.getValue();
			System.out.printf("%-28s %-21s %-21s %-27s %-16s %s%n", entry.getKey().label(),
					median(runs, Burst::throughput).format("%.0f"), median(runs, Burst::cpuMicros).format("%.1f"),
					median(runs, Burst::bytes).format("%.0f"), median(runs, Burst::p50Millis).format("%.2f"),
					median(runs, Burst::p99Millis).format("%.2f"));
		}
	}

	/** One line of paired ratios of a variant against a baseline, with the targets named. */
	static String ratios(List<Burst> variant, List<Burst> baseline, boolean withTargets) {
		return String.format("CPU/request %s%s, allocation %s, throughput %s%s, p99 %s ms%s",
				Interval.ofRatios(variant, baseline, Burst::cpuMicros).format("%.3f"), withTargets ? " (target <= 1.05)" : "",
				Interval.ofRatios(variant, baseline, Burst::bytes).format("%.3f"),
				Interval.ofRatios(variant, baseline, Burst::throughput).format("%.3f"),
				withTargets ? " (target >= 0.95)" : "",
				Interval.ofDifferences(variant, baseline, Burst::p99Millis).format("%+.2f"),
				withTargets ? " (target <= +1)" : "");
	}

	private static Interval median(List<Burst> runs, ToDoubleFunction<Burst> value) {
		return Interval.ofMedian(runs.stream().mapToDouble(value).toArray());
	}

	/** Startup medians per variant, and the paired differences against a baseline. */
	static void startups(Map<Variant, List<Double>> seconds, Variant baseline) {
		for (Map.Entry<Variant, List<Double>> entry : seconds.entrySet()) {
			System.out.printf("%-36s %s s%n", entry.getKey().label(),
					Interval.ofMedian(entry.getValue().stream().mapToDouble(Double::doubleValue).toArray())
						.format("%.2f"));
		}
		for (Map.Entry<Variant, List<Double>> entry : seconds.entrySet()) {
			if (entry.getKey() != baseline && seconds.containsKey(baseline)) {
				System.out.printf("%s - %s: %s s%n", entry.getKey().label(), baseline.label(),
						Interval.ofDifferences(entry.getValue(), seconds.get(baseline), Double::doubleValue)
							.format("%+.2f"));
			}
		}
	}

}
