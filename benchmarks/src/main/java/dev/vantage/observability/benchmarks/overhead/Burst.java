package dev.vantage.observability.benchmarks.overhead;

/**
 * One short run of load against one JVM.
 * @param throughput requests per second
 * @param cpuMicros the process's CPU time per request
 * @param bytes the bytes its threads allocated per request
 * @param p50Millis the median latency
 * @param p99Millis the 99th percentile latency
 */
record Burst(double throughput, double cpuMicros, double bytes, double p50Millis, double p99Millis) {

	/**
	 * The burst of what was measured around one wrk run.
	 * @param report the wrk report
	 * @param seconds how long it ran
	 * @param cpuNanos the process's CPU time meanwhile
	 * @param allocated the bytes allocated meanwhile
	 * @return the burst
	 */
	static Burst of(WrkReport report, int seconds, long cpuNanos, long allocated) {
		if (report.requests() == 0) {
			throw new IllegalStateException("wrk completed no request in " + seconds + " s");
		}
		return new Burst(report.requests() / (double) seconds, cpuNanos / 1000.0 / report.requests(),
				(double) allocated / report.requests(), report.p50Millis(), report.p99Millis());
	}

	@Override
	public String toString() {
		return String.format("%7.0f req/s  %6.1f us CPU/request  %8.0f B/request  p99 %6.2f ms", this.throughput,
				this.cpuMicros, this.bytes, this.p99Millis);
	}

}
