package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (the Debian {@code prometheus} binary) on a free loopback port,
 * scraping the given targets every second.
 */
public final class PrometheusServer extends MetricsStore {

	private PrometheusServer(Path directory, List<String> flags) {
		super("prometheus", "prometheus", directory, flags, "--web.listen-address=", "/-/ready");
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
		Map<String, String> all = new HashMap<>(files);
		all.put("prometheus.yml", configuration);
		Path directory = directory("prometheus", all);
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
		await("the first scrape").atMost(Duration.ofSeconds(20)).until(() -> {
			JsonNode targets = api("/api/v1/targets").path("data").path("activeTargets");
			if (targets.isEmpty() || "unknown".equals(targets.get(0).path("health").asString())) {
				return false;
			}
			target[0] = targets.get(0);
			return true;
		});
		return target[0];
	}

}
