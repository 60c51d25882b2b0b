package dev.vantage.sample.shop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.vantage.observability.testsupport.AlertmanagerServer;
import dev.vantage.observability.testsupport.PrometheusServer;
import dev.vantage.observability.testsupport.VictoriaMetricsServer;
import dev.vantage.observability.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped scrape job, rules and dashboards on VictoriaMetrics, the store teams scale to:
 * two instances of the shop scraped by {@code vmagent} (the scrape user's password from a file)
 * and remote-written to {@code victoria-metrics}; {@code vmalert} evaluates every shipped rule
 * file (the generated SLO rules included) against it, writes recording rules and alert states
 * back, and notifies the real Alertmanager with the shipped configuration. Every dashboard query
 * answers in MetricsQL. A Prometheus scraping the same two instances with the same rules is the
 * reference: under the shop's ordinary traffic (which has real failed logins, slow pages and low
 * stock) vmalert fires exactly what Prometheus fires, and neither fires a dependency or SLO
 * alert; then a payment provider outage fires {@code DependencyDown} and slow payments
 * {@code SloErrorBudgetBurnFast}, each through vmalert to its receiver. Tagged
 * {@code victoria-metrics}: it runs on the main build only.
 */
@Tag("victoria-metrics")
class VictoriaMetricsStackTests {

	/** What the chaos knobs fire later: the ordinary traffic must not fire them already. */
	private static final Set<String> CHAOS = Set.of("DependencyDown", "SloErrorBudgetBurnFast", "SloErrorBudgetBurnSlow");

	@TempDir
	Path secrets;

	@Test
	void vmagentVmalertAndAlertmanagerRunTheShippedRulesAndDashboards() throws Exception {
		try (WebhookReceiver webhook = new WebhookReceiver();
				AlertmanagerServer alertmanager = AlertmanagerServer
					.start(StackFixtures.alertmanagerConfiguration(webhook, this.secrets));
				VictoriaMetricsServer store = VictoriaMetricsServer.start();
				ShopInstance first = new ShopInstance("victoria-metrics", 1, "--sample.chaos.payment-failure-rate=0",
						"--observability.health.refresh-interval=2s");
				ShopInstance second = new ShopInstance("victoria-metrics", 2, "--sample.chaos.payment-failure-rate=0",
						"--observability.health.refresh-interval=2s");
				VictoriaMetricsServer.Agent agent = VictoriaMetricsServer.Agent.start("""
						global:
						  scrape_interval: 2s
						""" + StackFixtures.shopScrapeConfigs(first.port(), second.port()),
						Map.of(StackFixtures.SCRAPE_PASSWORD_FILE, "prometheus\n"), store);
				VictoriaMetricsServer.Ruler ruler = VictoriaMetricsServer.Ruler.start(rules(), store, alertmanager.port());
				PrometheusServer reference = PrometheusServer.start("""
						global:
						  scrape_interval: 2s
						  evaluation_interval: 2s
						rule_files:
						  - %DIR%/vantage.rules.yml
						  - %DIR%/slo.rules.yml
						""" + StackFixtures.shopScrapeConfigs(first.port(), second.port()), withPassword(rules()))) {
			await("both instances up, with their series, in VictoriaMetrics").atMost(Duration.ofSeconds(60))
				.until(() -> store.query("count(count by (instance) (http_server_requests_seconds_count{application=\"sample-shop\"}))")
						.path(0).path("value").path(1).asString().equals("2")
							&& store.query("up{application=\"sample-shop\"} == 1").size() == 2);

			List<String> missing = new ArrayList<>(StackFixtures.dashboardQueries());
			try {
				await("every dashboard query to return data from VictoriaMetrics").atMost(Duration.ofSeconds(150))
					.until(() -> {
					missing.removeIf((query) -> !store.query(query).isEmpty());
					return missing.isEmpty();
				});
			}
			catch (AssertionError ex) {
				throw new AssertionError("empty in VictoriaMetrics: " + missing, ex);
			}

			// No exemplars in this store: Grafana's exemplar query gets an empty answer, not an error.
			assertThat(store.exemplars("http_server_requests_seconds_bucket{application=\"sample-shop\"}").isArray())
				.as("an answer with its data").isTrue();

			await("Watchdog at the dead man's switch, through vmalert").atMost(Duration.ofSeconds(60))
				.until(() -> webhook.notifications().stream().anyMatch((n) -> n.path().equals("/deadman")
							&& n.has("firing", "Watchdog")));
			await("vmalert to fire what Prometheus fires on the same traffic").atMost(Duration.ofSeconds(90))
				.until(() -> !firing(ruler).isEmpty() && firing(ruler).equals(firing(reference)));
			assertThat(firing(ruler)).as("what the ordinary traffic fires").contains("Watchdog").doesNotContainAnyElementsOf(CHAOS);
			assertThat(store.query("application:http_server_requests:rate5m{application=\"sample-shop\"}"))
				.as("a recording rule written back").hasSize(1);

			// DependencyDown is a dependency down for every instance (max by application).
			chaos(List.of(first, second), 20, "UNAVAILABLE");
			await("DependencyDown of the payment provider in chat").atMost(Duration.ofSeconds(120))
				.until(() -> ruler.firing("DependencyDown", "application", "sample-shop")
							&& webhook.notifications().stream().anyMatch((n) -> n.path().equals("/chat")
									&& n.payload().toString().contains("DependencyDown")));
			chaos(List.of(first, second), 400, "NONE");
			await("SloErrorBudgetBurnFast of checkout-latency at the pager").atMost(Duration.ofSeconds(180))
				.until(() -> ruler.firing("SloErrorBudgetBurnFast", "slo", "checkout-latency")
							&& webhook.notifications().stream().anyMatch((n) -> n.path().equals("/pager")
									&& n.has("firing", "SloErrorBudgetBurnFast")));
			assertThat(store.query("slo:error_budget_remaining:ratio{slo=\"checkout-latency\"}")).isNotEmpty();
			assertThat(agent.log()).doesNotContain("\terror\t");
			assertThat(ruler.log()).doesNotContain("\terror\t");
		}
	}

	private static void chaos(List<ShopInstance> shops, int paymentLatencyMs, String paymentOutage) {
		shops.forEach((shop) -> new ShopClient(shop.port()).chaos(0, paymentLatencyMs, 0, paymentOutage));
	}

	private static Map<String, String> rules() throws IOException {
		return Map.of("vantage.rules.yml", StackFixtures.testRules("vantage.rules.yml"), "slo.rules.yml",
				StackFixtures.testRules("slo.rules.yml"));
	}

	private static Map<String, String> withPassword(Map<String, String> files) {
		Map<String, String> all = new HashMap<>(files);
		all.put(StackFixtures.SCRAPE_PASSWORD_FILE, "prometheus\n");
		return all;
	}

	private static Set<String> firing(PrometheusServer prometheus) {
		Set<String> names = new TreeSet<>();
		for (JsonNode alert : prometheus.query("ALERTS{alertstate=\"firing\"}")) {
			names.add(alert.path("metric").path("alertname").asString());
		}
		return names;
	}

	private static Set<String> firing(VictoriaMetricsServer.Ruler ruler) {
		Set<String> names = new TreeSet<>();
		for (JsonNode alert : ruler.alerts()) {
			if ("firing".equals(alert.path("state").asString())) {
				names.add(alert.path("labels").path("alertname").asString());
			}
		}
		return names;
	}

}
