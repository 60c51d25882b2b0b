package dev.vantage.observability.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real single-node VictoriaMetrics (the Debian {@code victoria-metrics} package) on a free
 * loopback port: it takes remote_write at {@code /api/v1/write} and answers Prometheus's query
 * API in MetricsQL. Points are visible to queries one second after they arrive (the default
 * 30 s latency offset would hide what a test just wrote). {@link Agent} and {@link Ruler} are
 * the package's {@code vmagent} and {@code vmalert}.
 */
public final class VictoriaMetricsServer extends MetricsStore {

	private static final String PACKAGE = "victoria-metrics";

	private VictoriaMetricsServer(Path directory) {
		super("victoria-metrics", PACKAGE, directory,
				List.of("-storageDataPath=" + directory.resolve("data"), "-retentionPeriod=1d",
						"-search.latencyOffset=1s", "-search.disableCache"),
				"-httpListenAddr=", "/health");
	}

	public static VictoriaMetricsServer start() {
		return new VictoriaMetricsServer(directory("victoria-metrics", Map.of()));
	}

	/** Where remote_write goes. */
	public String writeUrl() {
		return url() + "/api/v1/write";
	}

	/** The base URL, as a Prometheus datasource is configured. */
	public String url() {
		return "http://127.0.0.1:" + port();
	}

	/** {@code vmagent}: scrapes with a Prometheus scrape configuration and remote-writes. */
	public static final class Agent extends ExternalServer {

		private Agent(Path directory, String writeUrl) {
			super("vmagent", PACKAGE, directory,
					List.of("-promscrape.config=" + directory.resolve("scrape.yml"), "-remoteWrite.url=" + writeUrl,
							"-remoteWrite.tmpDataPath=" + directory.resolve("queue"), "-remoteWrite.flushInterval=1s",
							"-promscrape.config.strictParse=true"),
					"-httpListenAddr=", "/health");
		}

		/**
		 * Starts vmagent.
		 * @param scrapeConfiguration a Prometheus configuration ({@code global}, {@code scrape_configs})
		 * @param files extra files beside it (password files); {@code %DIR%} stands for their directory
		 * @param store where it writes
		 */
		public static Agent start(String scrapeConfiguration, Map<String, String> files, VictoriaMetricsServer store) {
			Map<String, String> all = new HashMap<>(files);
			all.put("scrape.yml", scrapeConfiguration);
			return new Agent(directory("vmagent", all), store.writeUrl());
		}

	}

	/**
	 * {@code vmalert}: evaluates rule files against the store, writes recording rules and alert
	 * states back into it, and notifies an Alertmanager.
	 */
	public static final class Ruler extends ExternalServer {

		private static final JsonMapper json = JsonMapper.builder().build();

		private Ruler(Path directory, List<String> arguments) {
			super("vmalert", PACKAGE, directory, arguments, "-httpListenAddr=", "/health");
		}

		/**
		 * Starts vmalert.
		 * @param rules rule files by name; {@code %DIR%} stands for their directory
		 * @param store the datasource, and where results are written
		 * @param alertmanagerPort the Alertmanager notified
		 */
		public static Ruler start(Map<String, String> rules, VictoriaMetricsServer store, int alertmanagerPort) {
			Path directory = directory("vmalert", rules);
			List<String> arguments = new ArrayList<>();
			rules.keySet().stream().sorted().forEach((name) -> arguments.add("-rule=" + directory.resolve(name)));
			arguments.addAll(List.of("-datasource.url=" + store.url(), "-remoteWrite.url=" + store.url(),
					"-remoteRead.url=" + store.url(), "-notifier.url=http://127.0.0.1:" + alertmanagerPort,
					"-evaluationInterval=2s", "-remoteWrite.flushInterval=1s"));
			return new Ruler(directory, arguments);
		}

		/** The alerts vmalert holds now (pending and firing), as its Prometheus-compatible API lists them. */
		public JsonNode alerts() {
			return json.readTree(http().get("/api/v1/alerts").body()).path("data").path("alerts");
		}

		/** Whether an alert of this name is firing, with these labels among its own. */
		public boolean firing(String alertname, String... labelPairs) {
			for (JsonNode alert : alerts()) {
				boolean matches = "firing".equals(alert.path("state").asString())
						&& alertname.equals(alert.path("labels").path("alertname").asString());
				for (int i = 0; matches && i < labelPairs.length; i += 2) {
					matches = labelPairs[i + 1].equals(alert.path("labels").path(labelPairs[i]).asString());
				}
				if (matches) {
					return true;
				}
			}
			return false;
		}

	}

}
