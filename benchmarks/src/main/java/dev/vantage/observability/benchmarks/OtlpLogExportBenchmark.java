package dev.vantage.observability.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import dev.vantage.observability.audit.AuditLogger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What shipping logs over OTLP adds to each record, on the request thread: an audit event to
 * the audit file alone ({@code off}), and with Boot's OTLP log export on ({@code otlp}: the
 * OpenTelemetry Logback appender Vantage attaches, the masking record processor, Boot's batch
 * processor), in the same run. The records go to a loopback receiver that reads and discards
 * them; the batch processor's worker sends them off the request thread, and drops what its
 * queue cannot hold, as it does in production. Run with {@code -prof gc} for allocation per
 * event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class OtlpLogExportBenchmark {

	/** {@code off}: the audit file only; {@code otlp}: also Boot's OTLP log export. */
	@Param({ "off", "otlp" })
	public String export;

	private ConfigurableApplicationContext context;

	private AuditLogger audit;

	private Path directory;

	private HttpServer receiver;

	private final AtomicLong exports = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.directory = Files.createTempDirectory("otlp-log-benchmark");
		List<String> arguments = new ArrayList<>(List.of(
				"--observability.audit.file=" + this.directory.resolve("audit.json"), "--logging.level.root=WARN",
				"--spring.application.name=otlp-log-benchmark"));
		if (this.export.equals("otlp")) {
			this.receiver = discardingReceiver();
			arguments.add("--management.opentelemetry.logging.export.otlp.endpoint=http://127.0.0.1:"
					+ this.receiver.getAddress().getPort() + "/v1/logs");
		}
		SpringApplication application = new SpringApplication(AuditLogBenchmark.BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		this.context = application.run(arguments.toArray(String[]::new));
		this.audit = this.context.getBean(AuditLogger.class);
	}

	private HttpServer discardingReceiver() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/v1/logs", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				this.bytes.addAndGet(body.transferTo(OutputStream.nullOutputStream()));
			}
			this.exports.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.context.close();
		if (this.receiver != null) {
			this.receiver.stop(0);
		}
		long lines;
		try (var stream = Files.lines(this.directory.resolve("audit.json"))) {
			lines = stream.count();
		}
		System.out.printf("export %s: audit file lines %d, OTLP export requests %d (%d bytes)%n", this.export, lines,
				this.exports.get(), this.bytes.get());
	}

	/** One audit event: to the audit file, and with {@code otlp} also to the batch exporter. */
	@Benchmark
	@Threads(4)
	public void auditEvent() {
		this.audit.log(AuditLogBenchmark.refund());
	}

}
