package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Zipkin server ({@code io.zipkin:zipkin-server}'s executable jar, which the build copies
 * to the path in the {@value #JAR_PROPERTY} system property) on a free loopback port, with its
 * in-memory storage: a trace store tests can send spans to and query.
 */
public final class ZipkinServer implements AutoCloseable {

	/** The system property naming the executable jar. */
	public static final String JAR_PROPERTY = "zipkin.server.jar";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final Path log;

	private final Http http;

	private ZipkinServer(Path jar) {
		try {
			int port = PrometheusServer.freePort();
			this.log = Files.createTempFile("vantage-zipkin", ".log");
			this.process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx256m", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"))
				.redirectErrorStream(true)
				.redirectOutput(this.log.toFile())
				.start();
			this.http = new Http(port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await("Zipkin to answer /health").atMost(Duration.ofSeconds(120)).until(this::isReady);
	}

	/** Starts Zipkin from the jar the build copied. */
	public static ZipkinServer start() {
		String jar = System.getProperty(JAR_PROPERTY);
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("No Zipkin server jar at " + JAR_PROPERTY + "=" + jar
					+ " (the build copies io.zipkin:zipkin-server:exec there)");
		}
		return new ZipkinServer(Path.of(jar));
	}

	/** The span endpoint to set as Boot's Zipkin export endpoint. */
	public String spansEndpoint() {
		return "http://127.0.0.1:" + this.http.port() + "/api/v2/spans";
	}

	/** The spans of a trace, empty until they arrived. */
	public List<JsonNode> trace(String traceId) {
		var response = this.http.get("/api/v2/trace/" + traceId);
		return (response.statusCode() == 200) ? json.readTree(response.body()).valueStream().toList() : List.of();
	}

	private boolean isReady() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("Zipkin exited: " + log());
		}
		try {
			return this.http.get("/health").statusCode() == 200;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
