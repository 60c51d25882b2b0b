package dev.vantage.observability.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.vantage.observability.errors.ErrorGrouping;
import dev.vantage.observability.errors.ErrorTracker;

/**
 * What error tracking adds to an error: an exception with a 60-frame stack created and logged at
 * ERROR as a JSON line, without Vantage (logstash-logback-encoder alone, the baseline) and with
 * it (counted in {@code errors_total} by the root appender, fingerprint and masked fields on the
 * line), for a group seen before and for a new group each time (the group store full, the least
 * recently seen evicted). Run with {@code -prof gc} for allocation per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class ErrorTrackingBenchmark {

	/** Frames below the benchmark method's own: with JMH's, about 60 in all. */
	private static final int DEPTH = 48;

	private static final Logger bare = LoggerFactory.getLogger("bench.bare");

	private static final Logger bareSameFields = LoggerFactory.getLogger("bench.bare-same-fields");

	private static final Logger tracked = LoggerFactory.getLogger("bench.tracked");

	private final AtomicLong orders = new AtomicLong();

	/** Whether the message holds something to mask (an e-mail address) or only an id. */
	@Param({ "id", "email" })
	public String message;

	/** Error tracking on, or off with the same log configuration (what the JSON encoder alone costs). */
	@Param({ "true" })
	public boolean tracking;

	private ConfigurableApplicationContext context;

	@Setup(Level.Trial)
	public void start() {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		this.context = application.run("--logging.config=classpath:error-benchmark-logback.xml",
				"--observability.audit.enabled=false", "--spring.application.name=error-benchmark",
				"--observability.errors.enabled=" + this.tracking);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.getBeanProvider(ErrorTracker.class)
			.ifAvailable((tracker) -> System.out.println("groups kept: " + tracker.groups().size() + ", evicted: "
					+ tracker.evictedGroups()));
		this.context.close();
	}

	/** Baseline: the exception created and logged as a JSON line, nothing of Vantage's. */
	@Benchmark
	public void withoutVantage() {
		bare.error("checkout failed", failure(new OrderFailedException(message()), DEPTH));
	}

	/**
	 * The baseline with a line as long as Vantage's: the three error fields as constants, so that
	 * what the longer line costs the encoder is told apart from what Vantage's code costs.
	 */
	@Benchmark
	public void withoutVantageSameLineLength() {
		bareSameFields.error("checkout failed", failure(new OrderFailedException(message()), DEPTH));
	}

	/** The same, through the root logger: counted, fingerprinted, masked (one group). */
	@Benchmark
	public void seenGroup() {
		tracked.error("checkout failed", failure(new OrderFailedException(message()), DEPTH));
	}

	/** The same, each error a group of its own: fingerprint, masking, sample stack, eviction. */
	@Benchmark
	public void newGroup() {
		tracked.error("checkout failed", failure(new NewKindException(message()), DEPTH));
	}

	private String message() {
		long order = this.orders.incrementAndGet();
		return "email".equals(this.message) ? "order " + order + " failed for alice@example.com" : "order " + order + " failed";
	}

	private static RuntimeException failure(RuntimeException error, int depth) {
		if (depth == 0) {
			error.fillInStackTrace();
			return error;
		}
		return failure(error, depth - 1);
	}

	static class OrderFailedException extends RuntimeException {

		OrderFailedException(String message) {
			super(message, null, true, true);
		}

	}

	/** Grouped by a key of its own every time, through {@link ErrorGrouping}. */
	static class NewKindException extends RuntimeException {

		NewKindException(String message) {
			super(message, null, true, true);
		}

	}

	/** An application with nothing but the starter, and a grouping that makes every NewKindException new. */
	@SpringBootApplication
	public static class BenchmarkApplication {

		private final AtomicLong kinds = new AtomicLong();

		@Bean
		ErrorGrouping everyNewKindIsNew() {
			return (error) -> (error instanceof NewKindException) ? "kind-" + this.kinds.incrementAndGet() : null;
		}

	}

}
