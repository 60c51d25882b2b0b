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
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server (the Debian {@code prometheus} binary) on a free loopback port,
 * scraping the given targets every second.
 */
public final class PrometheusServer extends ExternalServer {

	private static final JsonMapper json = JsonMapper.builder().build();

	private PrometheusServer(Path directory, List<String> flags) {
		super("prometheus", "prometheus", directory, flags);
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
		return start(configuration, files, (directory) -> List.of("--storage.tsdb.path=" + directory.resolve("data"),
				"--enable-feature=exemplar-storage"));
	}

	/**
	 * Starts Prometheus as the receiving end of remote_write ({@code /api/v1/write}), the
	 * protocol Mimir, Thanos Receive, Cortex and VictoriaMetrics accept; it evaluates rules as
	 * usual.
	 */
	public static PrometheusServer remoteWriteReceiver(String configuration, Map<String, String> files) {
		return start(configuration, files, (directory) -> List.of("--storage.tsdb.path=" + directory.resolve("data"),
				"--web.enable-remote-write-receiver"));
	}

	/** Starts Prometheus in agent mode: it scrapes and remote-writes, and stores nothing to query. */
	public static PrometheusServer agent(String configuration, Map<String, String> files) {
		return start(configuration, files, (directory) -> List.of("--storage.agent.path=" + directory.resolve("agent"),
				"--enable-feature=agent"));
	}

	private static PrometheusServer start(String configuration, Map<String, String> files,
			Function<Path, List<String>> storage) {
		Path directory = directory("prometheus", "prometheus.yml", configuration);
		try {
			for (Map.Entry<String, String> file : files.entrySet()) {
				Files.writeString(directory.resolve(file.getKey()), file.getValue().replace("%DIR%", directory.toString()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> flags = new ArrayList<>(List.of("--config.file=" + directory.resolve("prometheus.yml")));
		flags.addAll(storage.apply(directory));
		return new PrometheusServer(directory, flags);
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
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

	public JsonNode query(String promql) {
		return api("/api/v1/query?query=" + encode(promql)).path("data").path("result");
	}

	/**
	 * Evaluates a query over the last ten minutes, as Grafana does for a panel or an annotation.
	 * @param promql the query
	 * @param step seconds between two evaluations
	 * @return the result: one entry per series, with its values
	 */
	public JsonNode queryRange(String promql, int step) {
		long now = System.currentTimeMillis() / 1000;
		return api("/api/v1/query_range?query=" + encode(promql) + "&start=" + (now - 600) + "&end=" + now + "&step=" + step)
			.path("data")
			.path("result");
	}

	public JsonNode exemplars(String promql) {
		long now = System.currentTimeMillis() / 1000;
		return api("/api/v1/query_exemplars?query=" + encode(promql) + "&start=" + (now - 600) + "&end=" + (now + 60))
			.path("data");
	}

	public JsonNode api(String path) {
		return json.readTree(http().get(path).body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
