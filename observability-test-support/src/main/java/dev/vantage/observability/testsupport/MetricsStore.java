package dev.vantage.observability.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server that answers Prometheus's query API ({@code /api/v1/query}, {@code query_range},
 * {@code query_exemplars}): Prometheus itself, or VictoriaMetrics.
 */
public abstract class MetricsStore extends ExternalServer {

	private static final JsonMapper json = JsonMapper.builder().build();

	protected MetricsStore(String binary, String debianPackage, Path directory, List<String> arguments,
			String listenFlag, String readyPath) {
		super(binary, debianPackage, directory, arguments, listenFlag, readyPath);
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

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
