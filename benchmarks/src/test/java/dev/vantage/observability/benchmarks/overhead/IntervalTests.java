package dev.vantage.observability.benchmarks.overhead;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IntervalTests {

	@Test
	void theMedianOfOddAndEvenCounts() {
		assertThat(Interval.median(new double[] { 3, 1, 2 })).isEqualTo(2);
		assertThat(Interval.median(new double[] { 4, 1, 3, 2 })).isEqualTo(2.5);
	}

	@Test
	void theIntervalHoldsTheMedianAndNarrowsWithMoreValues() {
		double[] few = { 0.9, 1.0, 1.1, 1.2, 1.3 };
		double[] many = IntStream.range(0, 200).mapToDouble((i) -> few[i % few.length]).toArray();
		Interval wide = Interval.ofMedian(few);
		Interval narrow = Interval.ofMedian(many);
		assertThat(wide.median()).isEqualTo(1.1);
		assertThat(wide.low()).isLessThanOrEqualTo(1.1).isGreaterThanOrEqualTo(0.9);
		assertThat(wide.high()).isGreaterThanOrEqualTo(1.1).isLessThanOrEqualTo(1.3);
		assertThat(narrow.high() - narrow.low()).isLessThan(wide.high() - wide.low());
		assertThat(Interval.ofMedian(few)).as("a fixed seed: reproducible").isEqualTo(wide);
	}

	@Test
	void constantValuesHaveNoSpread() {
		assertThat(Interval.ofMedian(new double[] { 7, 7, 7 })).isEqualTo(new Interval(7, 7, 7));
	}

	@Test
	void pairsAreDividedAndSubtractedRoundByRound() {
		List<Double> on = List.of(110.0, 220.0, 330.0);
		List<Double> off = List.of(100.0, 200.0, 300.0);
		assertThat(Interval.ofRatios(on, off, Double::doubleValue).median()).isEqualTo(1.1);
		assertThat(Interval.ofDifferences(on, off, Double::doubleValue).median()).isEqualTo(20);
	}

	@Test
	void unpairedOrEmptyInputIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Interval.ofRatios(List.of(1.0), List.of(1.0, 2.0), Double::doubleValue))
			.withMessageContaining("pairs");
		assertThatIllegalArgumentException().isThrownBy(() -> Interval.ofMedian(new double[0]))
			.withMessageContaining("'values'");
	}

	@Test
	void formatsTheMedianWithItsInterval() {
		assertThat(new Interval(1.02, 0.99, 1.05).format("%.3f")).isEqualTo("1.020 [0.990, 1.050]");
	}

}
