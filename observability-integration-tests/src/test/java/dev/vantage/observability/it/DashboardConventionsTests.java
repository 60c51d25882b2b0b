package dev.vantage.observability.it;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every shipped Grafana dashboard follows the conventions operators rely on.
 */
class DashboardConventionsTests {

	private static final Path DASHBOARDS = Path.of("..", "dashboards").toAbsolutePath().normalize();

	private static final JsonMapper json = JsonMapper.builder().build();

	/** A series selector: a metric name followed by its label matchers. */
	private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\}");

	private static final Pattern RANGE = Pattern.compile("\\[([^\\]]+)\\]");

	/** Series that carry exemplars: histogram buckets with a trace, and errors counted inside a span. */
	private static final List<String> EXEMPLAR_SERIES = List.of("http_server_requests_seconds_bucket", "errors_total",
			"business_payments_seconds_bucket");

	/**
	 * Panels whose thresholds draw an alert's: dashboard uid / panel title to the alert, and
	 * whether the panel shows the complement of what the alert compares (success against failure).
	 */
	private static final Map<String, String[]> THRESHOLDS_FROM_ALERTS = Map.ofEntries(
			Map.entry("vantage-service / Error ratio", new String[] { "HighErrorRatio", "same" }),
			Map.entry("vantage-service / Latency p50 / p95 / p99", new String[] { "HighLatencyP95", "same" }),
			Map.entry("vantage-service / Top slow routes (p95)", new String[] { "HighLatencyP95", "same" }),
			Map.entry("vantage-service / Cache hit ratio", new String[] { "CacheHitRatioLow", "same" }),
			Map.entry("vantage-service / Slow queries per second", new String[] { "SlowQueries", "same" }),
			Map.entry("vantage-service / LCP p75 by page", new String[] { "FrontendLcpSlow", "same" }),
			Map.entry("vantage-service / JavaScript errors per page view",
					new String[] { "FrontendJsErrorsHigh", "same" }),
			Map.entry("vantage-business / Payment success ratio", new String[] { "PaymentFailureRatioHigh", "complement" }),
			Map.entry("vantage-security / Authentications per minute",
					new String[] { "AuthenticationFailureSpike", "same" }),
			Map.entry("vantage-overview / Payment success", new String[] { "PaymentFailureRatioHigh", "complement" }),
			Map.entry("vantage-overview / Latency p95", new String[] { "HighLatencyP95", "same" }),
			Map.entry("vantage-overview / Error ratio", new String[] { "HighErrorRatio", "same" }),
			Map.entry("vantage-overview / Heap used", new String[] { "HeapUsageHigh", "same" }),
			Map.entry("vantage-overview / Failed logins per minute",
					new String[] { "AuthenticationFailureSpike", "same" }));

	private static final Pattern COUNTER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*(?:_total|_count|_sum|_bucket))\\{");

	static List<Path> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	/** Every query of a dashboard: panel targets and annotations. */
	static List<String> queries(JsonNode dashboard) {
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				queries.add(target.path("expr").asString());
			}
		}
		for (JsonNode annotation : dashboard.path("annotations").path("list")) {
			if (annotation.has("expr")) {
				queries.add(annotation.path("expr").asString());
			}
		}
		return queries;
	}

	static JsonNode read(Path file) throws IOException {
		return json.readTree(Files.readString(file));
	}

	@Test
	void sevenDashboardsWithStableUniqueUidsPinnedSchemaAndSafeRefresh() throws IOException {
		List<Path> files = dashboards();
		assertThat(files).hasSize(7);
		Set<String> uids = new HashSet<>();
		for (Path file : files) {
			String text = Files.readString(file);
			JsonNode dashboard = read(file);
			assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid unique").isTrue();
			assertThat(dashboard.path("uid").asString()).startsWith("vantage-");
			assertThat(dashboard.path("schemaVersion").asInt()).isEqualTo(39);
			assertThat(dashboard.path("editable").asBoolean()).isFalse();
			assertThat(dashboard.path("refresh").asString()).isIn("30s", "1m", "5m");
			assertThat(dashboard.has("__inputs")).isFalse();
			assertThat(text).doesNotContain("${DS_");
		}
	}

	@Test
	void oneDatasourceVariableUsedEverywhereAndApplicationInstanceVariables() throws IOException {
		for (Path file : dashboards()) {
			JsonNode dashboard = read(file);
			List<JsonNode> variables = new ArrayList<>();
			dashboard.path("templating").path("list").forEach(variables::add);
			assertThat(variables.stream().filter((v) -> v.path("type").asString().equals("datasource"))).as(file.toString())
				.singleElement()
				.satisfies((v) -> assertThat(v.path("name").asString()).isEqualTo("datasource"));
			for (String name : List.of("application", "instance")) {
				JsonNode variable = variables.stream().filter((v) -> v.path("name").asString().equals(name)).findFirst()
					.orElseThrow(() -> new AssertionError(file + " has no variable " + name));
				assertThat(variable.path("type").asString()).isEqualTo("query");
				assertThat(variable.path("multi").asBoolean()).isTrue();
				assertThat(variable.path("includeAll").asBoolean()).isTrue();
				assertThat(variable.path("refresh").asInt()).as("refresh on time range change").isEqualTo(2);
				assertThat(variable.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
			}
			for (JsonNode panel : dashboard.path("panels")) {
				String title = panel.path("title").asString();
				assertThat(title).isNotBlank();
				if (panel.path("type").asString().equals("row")) {
					// A row only groups the panels below it.
					assertThat(panel.has("targets")).as(title).isFalse();
					continue;
				}
				assertThat(panel.path("description").asString()).as(title + " description").isNotBlank();
				assertThat(panel.path("fieldConfig").path("defaults").path("unit").asString()).as(title + " unit").isNotBlank();
				assertThat(panel.path("targets")).as(title + " targets").isNotEmpty();
				assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
				panel.path("targets").forEach((target) -> assertThat(target.path("datasource").path("uid").asString())
					.as(title).isEqualTo("${datasource}"));
			}
		}
	}

	@Test
	void everyQueryFiltersRangesAndCountersTheAgreedWay() throws IOException {
		for (Path file : dashboards()) {
			for (String query : queries(read(file))) {
				Matcher selector = SELECTOR.matcher(query);
				while (selector.find()) {
					String matchers = selector.group(2);
					assertThat(matchers).as(query).contains("application=~\"$application\"");
					// Recorded series and alerts are by application, not by instance.
					if (!selector.group(1).contains(":") && !selector.group(1).equals("ALERTS")) {
						assertThat(matchers).as("raw series filter on instance: " + query).contains("instance=~\"$instance\"");
					}
				}
				Matcher range = RANGE.matcher(query);
				while (range.find()) {
					assertThat(range.group(1)).as(query).isIn("$__rate_interval", "$__range");
				}
				Matcher counter = COUNTER.matcher(query);
				while (counter.find()) {
					String before = query.substring(0, counter.start());
					assertThat(before).as("counter " + counter.group(1) + " only inside rate/increase: " + query)
						.matches("(?s).*(rate|increase)\\($");
				}
			}
		}
	}

	@Test
	void aGroupsFingerprintLinksToItsSampleInLokiAndLokiLinesToTheirTraces() throws IOException {
		JsonNode dashboard = read(DASHBOARDS.resolve("service-operations.json"));
		List<JsonNode> tables = new ArrayList<>();
		dashboard.path("panels").forEach((panel) -> {
			if (panel.path("targets").path(0).path("expr").asString().contains("errors_total")
					&& "table".equals(panel.path("type").asString())) {
				tables.add(panel);
			}
		});
		assertThat(tables).as("the Errors row's group tables").hasSize(2).allSatisfy((table) -> {
			JsonNode override = table.path("fieldConfig").path("overrides").path(0);
			assertThat(override.path("matcher").path("options").asString()).isEqualTo("fingerprint");
			String url = URLDecoder.decode(
					override.path("properties").path(0).path("value").path(0).path("url").asString()
						.replace("${__value.raw:percentencode}", "FINGERPRINT"),
					StandardCharsets.UTF_8);
			JsonNode panes = json.readTree(url.substring(url.indexOf("panes=") + "panes=".length()));
			JsonNode query = panes.path("a").path("queries").path(0);
			assertThat(query.path("datasource").path("uid").asString()).isEqualTo("loki");
			assertThat(query.path("expr").asString()).endsWith("| error_fingerprint=\"FINGERPRINT\"");
		});
		Map<String, Object> datasources = new Yaml()
			.load(Files.readString(DASHBOARDS.resolve("provisioning/datasources/prometheus.yml")));
		assertThat(datasources.get("datasources").toString()).as("Loki's trace_id links to the trace store")
			.contains("derivedFields=[{name=trace_id, matcherType=label, matcherRegex=trace_id, datasourceUid=jaeger");
	}

	@Test
	void exemplarsOnEveryTimeSeriesOverAHistogramThatCarriesThem() throws IOException {
		for (Path file : dashboards()) {
			for (JsonNode panel : read(file).path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					String expr = target.path("expr").asString();
					// A ratio over one bucket (le="0.5") is no latency distribution: its exemplars would
					// be those of that one bucket only.
					boolean overExemplars = EXEMPLAR_SERIES.stream()
						.anyMatch((series) -> Pattern.compile("(?<![a-z_])" + series + "\\{").matcher(expr).find())
							&& !expr.contains("le=\"");
					boolean timeSeries = panel.path("type").asString().equals("timeseries");
					assertThat(target.path("exemplar").asBoolean()).as(file.getFileName() + " " + panel.path("title").asString())
						.isEqualTo(overExemplars && timeSeries);
				}
			}
		}
		// Grafana turns an exemplar's trace_id into a link to the compose stack's trace backend.
		String datasources = Files.readString(DASHBOARDS.resolve("provisioning/datasources/prometheus.yml"));
		assertThat(datasources).contains("exemplarTraceIdDestinations", "name: trace_id", "datasourceUid: jaeger");
		assertThat(datasources).containsPattern("uid: jaeger\\s+type: jaeger");
	}

	@Test
	void everyDashboardLinksToEveryOtherKeepingVariablesAndTime() throws IOException {
		Map<String, JsonNode> byUid = byUid();
		byUid.forEach((uid, dashboard) -> {
			List<String> targets = new ArrayList<>();
			for (JsonNode link : dashboard.path("links")) {
				assertThat(link.path("keepTime").asBoolean()).as(uid + " link keeps the time range").isTrue();
				assertThat(link.path("includeVars").asBoolean()).as(uid + " link keeps application and instance").isTrue();
				targets.add(linkedUid(link.path("url").asString()));
			}
			Set<String> others = new HashSet<>(byUid.keySet());
			others.remove(uid);
			assertThat(targets).as(uid + " links").containsExactlyInAnyOrderElementsOf(others);
		});
	}

	@Test
	void everyPanelLinkResolvesToAShippedDashboardAndItsVariables() throws IOException {
		Map<String, JsonNode> byUid = byUid();
		int links = 0;
		for (JsonNode dashboard : byUid.values()) {
			for (JsonNode panel : dashboard.path("panels")) {
				for (JsonNode link : panel.path("fieldConfig").path("defaults").path("links")) {
					String url = link.path("url").asString();
					JsonNode target = byUid.get(linkedUid(url));
					assertThat(target).as(url).isNotNull();
					assertThat(url).as("keeps time, application and instance")
						.contains("${__url_time_range}", "${application:queryparam}", "${instance:queryparam}");
					Matcher variable = Pattern.compile("var-([a-z_]+)=").matcher(url);
					while (variable.find()) {
						assertThat(variables(target)).as(url).contains(variable.group(1));
					}
					links++;
				}
			}
		}
		// Route to its latency, tenant to the business view, dependency to its check latency,
		// and each number of the overview to the dashboard that explains it.
		assertThat(links).isGreaterThanOrEqualTo(15);
		assertThat(byUid.get("vantage-overview").path("panels")).allSatisfy((panel) -> assertThat(
				panel.path("fieldConfig").path("defaults").path("links")).as(panel.path("title").asString()).isNotEmpty());
	}

	@Test
	void statAndGaugePanelsHaveUnitThresholdsAndSparklines() throws IOException {
		int stats = 0;
		for (Path file : dashboards()) {
			for (JsonNode panel : read(file).path("panels")) {
				String type = panel.path("type").asString();
				if (type.equals("stat") || type.equals("gauge")) {
					String title = file.getFileName() + " " + panel.path("title").asString();
					JsonNode defaults = panel.path("fieldConfig").path("defaults");
					assertThat(defaults.path("unit").asString()).as(title).isNotBlank();
					assertThat(defaults.path("thresholds").path("steps")).as(title + " thresholds").isNotEmpty();
					assertThat(defaults.path("thresholds").path("steps").get(0).path("value").isNull()).as(title).isTrue();
					if (type.equals("stat") && file.getFileName().toString().equals("overview.json")) {
						assertThat(panel.path("options").path("graphMode").asString()).as(title + " sparkline").isEqualTo("area");
					}
					stats++;
				}
			}
		}
		assertThat(stats).isGreaterThanOrEqualTo(11);
	}

	@Test
	void thresholdsAreTheAlertRulesThresholds() throws IOException {
		Map<String, List<Double>> alertConstants = alertConstants();
		Map<String, JsonNode> byUid = byUid();
		int checked = 0;
		for (Map.Entry<String, JsonNode> dashboard : byUid.entrySet()) {
			for (JsonNode panel : dashboard.getValue().path("panels")) {
				String key = dashboard.getKey() + " / " + panel.path("title").asString();
				List<Double> values = new ArrayList<>();
				panel.path("fieldConfig").path("defaults").path("thresholds").path("steps").forEach((step) -> {
					if (!step.path("value").isNull()) {
						values.add(step.path("value").asDouble());
					}
				});
				String[] tie = THRESHOLDS_FROM_ALERTS.get(key);
				if (tie == null && values.isEmpty()) {
					continue;
				}
				if (tie == null) {
					assertThat(panel.path("type").asString()).as(key + " has thresholds tied to no alert")
						.isIn("stat", "gauge");
					continue;
				}
				List<Double> constants = alertConstants.get(tie[0]);
				assertThat(constants).as(tie[0]).isNotNull();
				assertThat(values).as(key).isNotEmpty();
				for (double value : values) {
					double expected = "complement".equals(tie[1]) ? 1 - value : value;
					assertThat(constants).as(key + " threshold " + value + " in " + tie[0])
						.anySatisfy((constant) -> assertThat(constant).isCloseTo(expected, within(1e-9)));
				}
				checked++;
			}
		}
		assertThat(checked).isEqualTo(THRESHOLDS_FROM_ALERTS.size());
	}

	@Test
	void everyDashboardMarksDeploysFromTheBuildInfo() throws IOException {
		for (Path file : dashboards()) {
			List<JsonNode> deploys = new ArrayList<>();
			read(file).path("annotations").path("list").forEach((annotation) -> {
				if (annotation.path("name").asString().equals("Deploys")) {
					deploys.add(annotation);
				}
			});
			assertThat(deploys).as(file.toString()).singleElement().satisfies((annotation) -> {
				assertThat(annotation.path("expr").asString()).contains("application_build_info{", " unless ");
				assertThat(annotation.path("textFormat").asString()).contains("{{version}}");
				assertThat(annotation.path("enable").asBoolean()).isTrue();
			});
		}
	}

	/** The numbers each alert compares with, by alert name, over all its severities. */
	@SuppressWarnings("unchecked")
	private static Map<String, List<Double>> alertConstants() throws IOException {
		Map<String, Object> rules = new Yaml()
			.load(Files.readString(DASHBOARDS.resolveSibling("alert-rules").resolve("vantage.rules.yml")));
		Map<String, List<Double>> constants = new HashMap<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				if (rule.containsKey("alert")) {
					Matcher comparison = Pattern.compile("[<>]=?\\s*([0-9.]+)").matcher((String) rule.get("expr"));
					while (comparison.find()) {
						constants.computeIfAbsent((String) rule.get("alert"), (name) -> new ArrayList<>())
							.add(Double.parseDouble(comparison.group(1)));
					}
				}
			}
		}
		return constants;
	}

	private static Map<String, JsonNode> byUid() throws IOException {
		Map<String, JsonNode> byUid = new TreeMap<>();
		for (Path file : dashboards()) {
			JsonNode dashboard = read(file);
			byUid.put(dashboard.path("uid").asString(), dashboard);
		}
		return byUid;
	}

	private static String linkedUid(String url) {
		Matcher uid = Pattern.compile("^/d/([a-z-]+)").matcher(url);
		assertThat(uid.find()).as("a link to a dashboard by uid: " + url).isTrue();
		return uid.group(1);
	}

	private static List<String> variables(JsonNode dashboard) {
		List<String> names = new ArrayList<>();
		dashboard.path("templating").path("list").forEach((variable) -> names.add(variable.path("name").asString()));
		return names;
	}

	@Test
	void provisioningPointsAtTheDashboardsAndDatasources() throws IOException {
		Map<String, Object> provider = new Yaml()
			.load(Files.readString(DASHBOARDS.resolve("provisioning/dashboards/vantage.yml")));
		String path = (String) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) provider.get("providers")).get(0))
			.get("options")).get("path");
		assertThat(Files.readString(DASHBOARDS.resolveSibling("docker-compose.yml")))
			.contains("./dashboards:" + path + ":ro");
		assertThat(Files.readString(DASHBOARDS.resolve("provisioning/datasources/prometheus.yml"))).contains("type: prometheus");
	}

}
