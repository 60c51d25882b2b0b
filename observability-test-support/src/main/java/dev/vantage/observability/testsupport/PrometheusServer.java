package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server (the Debian {@code prometheus} binary) on a free loopback port,
 * scraping the given targets every second.
 */
public final class PrometheusServer implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final Path directory;

	private final Http http;

	private PrometheusServer(Process process, Path directory, int port) {
		this.process = process;
		this.directory = directory;
		this.http = new Http(port);
	}

	/**
	 * Starts Prometheus with exemplar storage, scraping {@code /actuator/prometheus} of one
	 * application.
	 */
	public static PrometheusServer scraping(int appPort) {
		return start("""
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				scrape_configs:
				  - job_name: app
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(appPort), Map.of());
	}

	/**
	 * Starts Prometheus with a configuration of the caller's; {@code %DIR%} in it and in the
	 * extra files stands for the server's own directory, where the extra files are written.
	 */
	public static PrometheusServer start(String configuration, Map<String, String> files) {
		Path binary = ExternalBinary.require("prometheus", "prometheus");
		try {
			Path directory = Files.createTempDirectory("vantage-prometheus");
			for (Map.Entry<String, String> file : files.entrySet()) {
				Files.writeString(directory.resolve(file.getKey()), file.getValue().replace("%DIR%", directory.toString()));
			}
			Path config = directory.resolve("prometheus.yml");
			Files.writeString(config, configuration.replace("%DIR%", directory.toString()));
			int port = freePort();
			List<String> command = new ArrayList<>(List.of(binary.toString(), "--config.file=" + config,
					"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
					"--enable-feature=exemplar-storage"));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(directory.resolve("prometheus.log").toFile())
				.start();
			PrometheusServer server = new PrometheusServer(process, directory, port);
			Eventually.await(Duration.ofSeconds(20), "Prometheus to be ready", server::isReady);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private boolean isReady() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("Prometheus exited: " + log());
		}
		try {
			return this.http.get("/-/ready").statusCode() == 200;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The active target of the single scrape job once it has been scraped at least once. */
	public JsonNode scrapedTarget() {
		JsonNode[] target = new JsonNode[1];
		Eventually.await(Duration.ofSeconds(20), "the first scrape", () -> {
			JsonNode targets = api("/api/v1/targets").path("data").path("activeTargets");
			if (targets.isEmpty() || "unknown".equals(targets.get(0).path("health").asString())) {
				return false;
			}
			target[0] = targets.get(0);
			return true;
		});
		return target[0];
	}

	public int port() {
		return this.http.port();
	}

	public JsonNode query(String promql) {
		return api("/api/v1/query?query=" + encode(promql)).path("data").path("result");
	}

	public JsonNode exemplars(String promql) {
		long now = System.currentTimeMillis() / 1000;
		return api("/api/v1/query_exemplars?query=" + encode(promql) + "&start=" + (now - 600) + "&end=" + (now + 60))
			.path("data");
	}

	public JsonNode api(String path) {
		String body = this.http.get(path).body();
		return json.readTree(body);
	}

	public String log() {
		try {
			return Files.readString(this.directory.resolve("prometheus.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
