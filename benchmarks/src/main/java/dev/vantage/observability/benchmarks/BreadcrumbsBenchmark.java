package dev.vantage.observability.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
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

/**
 * What breadcrumbs cost a request that does not fail: one observation (as Boot's
 * {@code http.server.requests} is, with its span) in which five INFO lines are logged as JSON
 * lines, with breadcrumbs on (each line also kept in the request's ring) and off (the baseline,
 * the same application and log configuration). Run with {@code -prof gc} for allocation per
 * request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class BreadcrumbsBenchmark {

	private static final Logger logger = LoggerFactory.getLogger("bench.checkout");

	private final AtomicLong orders = new AtomicLong();

	/** Breadcrumbs on, or off (the baseline). */
	@Param({ "false", "true" })
	public boolean breadcrumbs;

	private ConfigurableApplicationContext context;

	private ObservationRegistry registry;

	@Setup(Level.Trial)
	public void start() {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		this.context = application.run("--logging.config=classpath:breadcrumbs-benchmark-logback.xml",
				"--observability.audit.enabled=false", "--spring.application.name=breadcrumbs-benchmark",
				"--management.tracing.sampling.probability=1.0",
				"--observability.errors.breadcrumbs.enabled=" + this.breadcrumbs);
		this.registry = this.context.getBean(ObservationRegistry.class);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	/** One request: an observation with five lines logged in its scope. */
	@Benchmark
	public void request() {
		long order = this.orders.incrementAndGet();
		Observation.createNotStarted("http.server.requests", this.registry).observe(() -> {
			for (int step = 1; step <= 5; step++) {
				logger.info("checkout step {} of order {}", step, order);
			}
		});
	}

	/** An application with nothing but the starter. */
	@SpringBootApplication
	public static class BenchmarkApplication {

	}

}
