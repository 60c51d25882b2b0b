package dev.vantage.observability.benchmarks.overhead;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

class WrkReportTests {

	/** What wrk 4.1 prints with --latency. */
	private static final String REPORT = """
			Running 5s test @ http://127.0.0.1:8080/api/products
			  1 threads and 8 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     2.71ms    1.03ms  21.42ms   88.00%
			    Req/Sec     2.98k   180.12     3.25k    72.00%
			  Latency Distribution
			     50%  826.00us
			     75%    3.01ms
			     90%    3.61ms
			     99%    1.20s
			  14836 requests in 5.00s, 9.40MB read
			Requests/sec:   2966.18
			Transfer/sec:      1.88MB
			""";

	@Test
	void requestsAndPercentilesAreReadInMilliseconds() {
		WrkReport report = WrkReport.parse(REPORT, true);
		assertThat(report.requests()).isEqualTo(14836);
		assertThat(report.p50Millis()).isCloseTo(0.826, within(1e-9));
		assertThat(report.p99Millis()).isEqualTo(1200);
	}

	@Test
	void withoutTheDistributionOnlyTheCountIsRead() {
		WrkReport report = WrkReport.parse(REPORT.replaceAll("(?m)^\\s+\\d+%.*\\n", ""), false);
		assertThat(report.requests()).isEqualTo(14836);
		assertThat(report.p99Millis()).isNaN();
	}

	@Test
	void aReportWithErrorsOrWithoutItsNumbersIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> WrkReport.parse(REPORT + "  Non-2xx or 3xx responses: 12\n", true))
			.withMessageContaining("errors");
		assertThatIllegalStateException()
			.isThrownBy(() -> WrkReport.parse(REPORT + "  Socket errors: connect 0, read 3\n", true));
		assertThatIllegalStateException().isThrownBy(() -> WrkReport.parse("unable to connect", false))
			.withMessageContaining("request count");
		assertThatIllegalStateException()
			.isThrownBy(() -> WrkReport.parse(REPORT.replace("99%    1.20s", "98%    1.20s"), true))
			.withMessageContaining("99% latency");
	}

	@Test
	void aBurstIsPricedPerRequest() {
		Burst burst = Burst.of(new WrkReport(1000, 1, 4), 5, 2_000_000_000L, 50_000_000L);
		assertThat(burst.throughput()).isEqualTo(200);
		assertThat(burst.cpuMicros()).isEqualTo(2000);
		assertThat(burst.bytes()).isEqualTo(50_000);
		assertThatIllegalStateException().isThrownBy(() -> Burst.of(new WrkReport(0, 1, 1), 5, 1, 1));
	}

}
