package dev.vantage.sample.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.vantage.observability.testsupport.WebhookReceiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped dashboards and rules as the tests that run them against a real Prometheus need
 * them: rules with short windows, panel queries with the Grafana variables filled in.
 */
final class StackFixtures {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final JsonMapper json = JsonMapper.builder().build();

	/** The file, in the Prometheus server's directory, holding the scrape user's password. */
	static final String SCRAPE_PASSWORD_FILE = "scrape-password";

	private StackFixtures() {
	}

	/**
	 * The head of a Prometheus configuration: scrape and evaluation interval, rule files in the
	 * server's directory, and the Alertmanager it sends alerts to.
	 */
	static String prometheusHead(String interval, int alertmanagerPort, String... ruleFiles) {
		String rules = Arrays.stream(ruleFiles).map((file) -> "  - %DIR%/" + file + "\n").collect(Collectors.joining());
		return """
				global:
				  scrape_interval: %s
				  evaluation_interval: %s
				rule_files:
				%salerting:
				  alertmanagers:
				    - static_configs:
				        - targets: ['127.0.0.1:%d']
				""".formatted(interval, interval, rules, alertmanagerPort);
	}

	/**
	 * The shop's scrape job as the compose stack configures it: the scrape user, the shop's own
	 * labels honoured, an {@code application} label on every target.
	 */
	static String shopScrapeConfigs(int... ports) {
		String targets = Arrays.stream(ports)
			.mapToObj((port) -> "'127.0.0.1:" + port + "'")
			.collect(Collectors.joining(", "));
		return """
				scrape_configs:
				  - job_name: sample-shop
				    metrics_path: /actuator/prometheus
				    honor_labels: true
				    basic_auth:
				      username: prometheus
				      password_file: %%DIR%%/%s
				    static_configs:
				      - targets: [%s]
				        labels:
				          application: sample-shop
				""".formatted(SCRAPE_PASSWORD_FILE, targets);
	}

	/**
	 * The shipped Alertmanager configuration and templates, its receivers pointed at the test
	 * webhook, its secrets (test tokens) written to a directory, its waits shortened.
	 */
	static String alertmanagerConfiguration(WebhookReceiver webhook, Path secrets) throws IOException {
		return shippedAlertmanagerConfiguration(webhook, secrets)
			.replace("group_wait: 30s", "group_wait: 1s")
			.replace("group_wait: 10s", "group_wait: 1s")
			.replace("group_interval: 5m", "group_interval: 2s")
			.replace("group_interval: 1m", "group_interval: 2s")
			.replace("repeat_interval: 1m", "repeat_interval: 10s");
	}

	/**
	 * The shipped Alertmanager configuration and templates with the shipped waits, its receivers
	 * pointed at the test webhook, its secrets (test tokens) written to a directory.
	 */
	static String shippedAlertmanagerConfiguration(WebhookReceiver webhook, Path secrets) throws IOException {
		for (String name : List.of("pager-token", "deadman-token", "smtp-password")) {
			Files.writeString(secrets.resolve(name), "test-" + name + "\n");
		}
		Files.writeString(secrets.resolve("chat-webhook-url"), webhook.url("/chat") + "\n");
		return Files.readString(ROOT.resolve("alert-rules/alertmanager.yml"))
			.replace("http://alert-relay:8080", webhook.url(""))
			.replace("/etc/alertmanager/secrets", secrets.toString())
			.replace("/etc/alertmanager/templates", ROOT.resolve("alert-rules/templates").toString());
	}

	/** The shipped rules with short windows and for durations; thresholds and expressions unchanged. */
	static String testRules(String file) throws IOException {
		return Files.readString(ROOT.resolve("alert-rules").resolve(file))
			.replaceAll("for: \\d+m(\\d+s)?", "for: 4s")
			.replace("[5m]", "[20s]")
			// The reliability rules' edges compare with one evaluation before.
			.replace("offset 15s", "offset 2s");
	}

	/** The dashboard whose figures need a page that fired and resolved, and a deploy before it. */
	static final String RELIABILITY = "vantage-reliability";

	/**
	 * Every panel query of every shipped dashboard but the reliability one, with the Grafana
	 * variables filled in.
	 */
	static List<String> dashboardQueries() throws IOException {
		List<String> queries = new ArrayList<>();
		for (JsonNode dashboard : dashboards()) {
			if (!dashboard.path("uid").asString().equals(RELIABILITY)) {
				queries.addAll(panelQueries(dashboard));
			}
		}
		assertThat(queries).hasSizeGreaterThan(50);
		return queries;
	}

	/** The reliability dashboard's panel queries, with the Grafana variables filled in. */
	static List<String> reliabilityQueries() throws IOException {
		JsonNode reliability = dashboards().stream()
			.filter((dashboard) -> dashboard.path("uid").asString().equals(RELIABILITY))
			.findFirst()
			.orElseThrow();
		return panelQueries(reliability);
	}

	private static List<String> panelQueries(JsonNode dashboard) {
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				queries.add(filled(target.path("expr").asString()));
			}
		}
		return queries;
	}

	static List<JsonNode> dashboards() throws IOException {
		List<JsonNode> dashboards = new ArrayList<>();
		try (Stream<Path> files = Files.list(ROOT.resolve("dashboards"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				dashboards.add(json.readTree(Files.readString(file)));
			}
		}
		return dashboards;
	}

	static String filled(String query) {
		return query.replace("$application", "sample-shop")
			.replace("$instance", ".*")
			.replace("$tenant", ".*")
			.replace("$route", ".*")
			.replace("$dependency", ".*")
			.replace("$slo", ".*")
			.replace("$__rate_interval", "1m")
			.replace("$__range", "5m");
	}

}
