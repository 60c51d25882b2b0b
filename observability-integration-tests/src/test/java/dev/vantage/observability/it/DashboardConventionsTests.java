package dev.vantage.observability.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped Grafana dashboard follows the conventions operators rely on.
 */
class DashboardConventionsTests {

	private static final Path DASHBOARDS = Path.of("..", "dashboards").toAbsolutePath().normalize();

	private static final JsonMapper json = JsonMapper.builder().build();

	/** A series selector: a metric name followed by its label matchers. */
	private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\}");

	private static final Pattern RANGE = Pattern.compile("\\[([^\\]]+)\\]");

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
	void fiveDashboardsWithStableUniqueUidsPinnedSchemaAndSafeRefresh() throws IOException {
		List<Path> files = dashboards();
		assertThat(files).hasSize(5);
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
					if (!selector.group(1).contains(":")) {
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
