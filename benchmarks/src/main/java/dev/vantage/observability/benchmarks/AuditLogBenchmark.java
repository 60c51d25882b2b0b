package dev.vantage.observability.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Audit events per second to the audit file, with the configuration the starter ships (a
 * Boot application with the JSON audit appender), against a bare log call to the same
 * appender as the baseline.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AuditLogBenchmark {

	private ConfigurableApplicationContext context;

	private AuditLogger audit;

	private Logger auditAppender;

	private Path directory;

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.directory = Files.createTempDirectory("audit-benchmark");
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		this.context = application.run("--observability.audit.file=" + this.directory.resolve("audit.json"),
				"--logging.level.root=WARN", "--spring.application.name=audit-benchmark");
		this.audit = this.context.getBean(AuditLogger.class);
		this.auditAppender = LoggerFactory.getLogger("AUDIT");
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.context.close();
		long lines;
		try (var stream = Files.lines(this.directory.resolve("audit.json"))) {
			lines = stream.count();
		}
		System.out.println("audit file lines: " + lines);
	}

	/** Baseline: a bare message through the same JSON file appender, no event fields. */
	@Benchmark
	@Threads(4)
	public void bareLogLineToAuditAppender() {
		this.auditAppender.info("order.refund success");
	}

	/** A full audit event: fields, metadata, masking, meters, JSON line to the file. */
	@Benchmark
	@Threads(4)
	public void auditEventToFile() {
		this.audit.log(refund());
	}

	/** The event both audit benchmarks log: fields, metadata, and a card number to mask. */
	static AuditEvent refund() {
		return AuditEvent.builder("order.refund")
			.principal("alice")
			.tenant("acme")
			.action("refund")
			.resource("order/1042")
			.clientIp("203.0.113.7")
			.metadata("amount", "19.99")
			.metadata("card_number", "4111111111111111")
			.build();
	}

	/** An application with nothing but the starter. */
	@SpringBootApplication
	public static class BenchmarkApplication {

	}

}
