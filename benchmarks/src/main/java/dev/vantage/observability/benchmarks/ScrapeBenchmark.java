package dev.vantage.observability.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering {@code /actuator/prometheus}: the registry's text scrape with about 10,000
 * series (counters and SLO-bucket timers, as Vantage registers them), against an empty
 * registry as the baseline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ScrapeBenchmark {

	@Param({ "0", "10000" })
	public int series;

	private PrometheusMeterRegistry registry;

	@Setup(Level.Trial)
	public void setUp() {
		this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		// Each timer below is 12 series (8 buckets, +Inf, count, sum, max); counters are one each.
		int timers = this.series / 24;
		for (int i = 0; i < timers; i++) {
			Timer.builder("http.server.requests")
				.tags("uri", "/route/" + (i % 100), "status", String.valueOf(200 + i / 100), "method", "GET")
				.serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100),
						Duration.ofMillis(200), Duration.ofMillis(300),
						Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
						Duration.ofSeconds(5))
				.register(this.registry)
				.record(12, TimeUnit.MILLISECONDS);
		}
		for (int i = 0; i < this.series - timers * 12; i++) {
			Counter.builder("business.orders").tags("tenant", "t" + (i % 100), "status", "s" + (i / 100))
				.register(this.registry)
				.increment();
		}

		long rendered = this.registry.scrape().lines().filter((line) -> !line.startsWith("#")).count();
		if (Math.abs(rendered - this.series) > this.series / 20 + 5) {
			throw new IllegalStateException("expected about " + this.series + " series, rendered " + rendered);
		}
	}

	@Benchmark
	public String scrape() {
		return this.registry.scrape();
	}

}
