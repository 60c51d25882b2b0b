package dev.vantage.sample.shop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vantage.observability.testsupport.AlertmanagerServer;
import dev.vantage.observability.testsupport.PrometheusServer;
import dev.vantage.observability.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped dashboards, rules and Alertmanager configuration against the shop under
 * traffic, a real Prometheus and a real Alertmanager. Only the rules' {@code for} and
 * rate windows are shortened, in a test copy of the shipped file, to keep the test short.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.traffic.enabled=true", "sample.traffic.rate=20", "sample.chaos.payment-failure-rate=0",
				"observability.health.refresh-interval=2s", "sample.inventory.interval=2s",
				"observability.audit.file=target/stack-test/audit.json" })
class StackTests {

	private static final Path ROOT = StackFixtures.ROOT;

	@LocalServerPort
	private int port;

	@TempDir
	Path secrets;

	@Test
	void dashboardsHaveDataAndPaymentAlertFiresRoutesResolvesAndServiceDownInhibits() throws Exception {
		try (WebhookReceiver webhook = new WebhookReceiver();
				AlertmanagerServer alertmanager = AlertmanagerServer.start(StackFixtures.alertmanagerConfiguration(webhook, this.secrets));
				PrometheusServer prometheus = PrometheusServer.start(prometheusConfiguration(alertmanager.port()),
						Map.of("test.rules.yml", StackFixtures.testRules("vantage.rules.yml"), "slo.rules.yml",
								StackFixtures.testRules("slo.rules.yml"), StackFixtures.SCRAPE_PASSWORD_FILE, "prometheus\n"))) {
			assertThat(prometheus.scrapedTarget().path("health").asString()).isEqualTo("up");

			// A fault the shop never had: the next catalog searches fail with an exception nothing handles.
			chaos(0, 20, 3);
			ShopClient shop = new ShopClient(this.port);
			for (int i = 0; i < 3; i++) {
				shop.get("acme", "/api/products?q=chaos", null, null);
			}

			List<String> missing = new ArrayList<>(StackFixtures.dashboardQueries());
			await("every dashboard query to return data").atMost(Duration.ofSeconds(120)).until(() -> {
				missing.removeIf((query) -> !prometheus.query(query).isEmpty());
				return missing.isEmpty();
			});

			for (String selector : exemplarSelectors()) {
				await("exemplars with a trace_id on " + selector).atMost(Duration.ofSeconds(60))
					.until(() -> hasTraceIdExemplar(prometheus.exemplars(selector)));
			}
			String version = prometheus.query("application_build_info{application=\"sample-shop\"}")
				.path(0).path("metric").path("version").asString();
			assertThat(version).isNotBlank();
			assertThat(deployAnnotations()).isNotEmpty().allSatisfy((query) -> assertThat(prometheus.queryRange(query, 2))
				.as("deploy annotation " + query)
				.anySatisfy((series) -> assertThat(series.path("metric").path("version").asString()).isEqualTo(version)));

			await("Watchdog at the dead man's switch").atMost(Duration.ofSeconds(60))
				.until(() -> webhook.notifications().stream().anyMatch((n) -> n.path().equals("/deadman")
							&& n.has("firing", "Watchdog") && "Bearer test-deadman-token".equals(n.authorization())));

			await("NewErrorGroup of the catalog failures in chat").atMost(Duration.ofSeconds(120))
				.until(() -> webhook.notifications().stream().anyMatch((n) -> n.path().equals("/chat")
							&& n.payload().toString().contains("NewErrorGroup")
							&& n.payload().toString().contains("CatalogUnavailableException")));
			assertThat(prometheus.query("ALERTS{alertname=\"NewErrorGroup\", exception=\"CatalogUnavailableException\", "
					+ "alertstate=\"firing\"}")).singleElement()
				.satisfies((alert) -> assertThat(alert.path("metric").path("fingerprint").asString()).hasSize(12));

			chaos(0.5);
			await("PaymentFailureRatioHigh to fire in Prometheus").atMost(Duration.ofSeconds(120))
				.until(() -> !prometheus
				.query("ALERTS{alertname=\"PaymentFailureRatioHigh\", alertstate=\"firing\"}").isEmpty());
			await("PaymentFailureRatioHigh at the pager and in chat").atMost(Duration.ofSeconds(60))
				.until(() -> webhook.notifications().stream()
						.anyMatch((n) -> n.path().equals("/pager") && n.has("firing", "PaymentFailureRatioHigh"))
							&& chatMessage(webhook, "[FIRING:1] PaymentFailureRatioHigh") != null);
			// The chat message as the shipped template renders it, through the real Alertmanager.
			JsonNode chat = chatMessage(webhook, "[FIRING:1] PaymentFailureRatioHigh");
			assertThat(chat.path("title").asString()).isEqualTo("[FIRING:1] PaymentFailureRatioHigh (critical) on sample-shop");
			assertThat(chat.path("title_link").asString()).endsWith("/d/vantage-overview?var-application=sample-shop");
			assertThat(chat.path("text").asString()).contains("More than 10% of payments fail",
					"application sample-shop\n", "of payments through simulator are declined, fail or time out.",
					"Runbook: https://github.com/vantage-observability/vantage/blob/main/docs/runbooks/payment-failures.md",
					"Dashboard: http://localhost:3000/d/vantage-overview?var-application=sample-shop");
			WebhookReceiver.Notification paged = webhook.notifications().stream()
				.filter((n) -> n.path().equals("/pager") && n.has("firing", "PaymentFailureRatioHigh"))
				.findFirst()
				.orElseThrow();
			assertThat(paged.payload().path("groupLabels").path("alertname").asString()).isEqualTo("PaymentFailureRatioHigh");
			assertThat(paged.payload().path("groupLabels").path("application").asString()).isEqualTo("sample-shop");
			assertThat(paged.payload().path("commonLabels").path("severity").asString()).isEqualTo("critical");
			assertThat(paged.payload().path("commonLabels").path("provider").asString()).isEqualTo("simulator");
			assertThat(paged.authorization()).isEqualTo("Bearer test-pager-token");

			chaos(0);
			await("PaymentFailureRatioHigh to resolve").atMost(Duration.ofSeconds(180))
				.until(() -> webhook.notifications().stream()
						.anyMatch((n) -> n.path().equals("/pager") && n.has("resolved", "PaymentFailureRatioHigh")));

			// One timeline: the firing alerts and new error groups of every dashboard's annotations,
			// and the reliability figures: Prometheus's first version counts as a deploy, which the
			// payment page followed within the hour, and the page has resolved.
			for (String annotation : annotations("Firing alerts", "New error groups")) {
				assertThat(prometheus.queryRange(annotation, 2)).as("annotation " + annotation).isNotEmpty();
			}
			List<String> reliability = new ArrayList<>(StackFixtures.reliabilityQueries());
			await("every reliability query to return data").atMost(Duration.ofSeconds(60)).until(() -> {
				reliability.removeIf((query) -> !prometheus.query(query).isEmpty()
						|| !prometheus.queryRange(query, 2).isEmpty());
				return reliability.isEmpty();
			});
			assertThat(prometheus.query("application:change_failure:ratio30d{application=\"sample-shop\"}")
				.path(0).path("value").path(1).asDouble()).isEqualTo(1.0);

			// Payments slower than the 300 ms of the checkout-latency objective burn its budget:
			// the generated page alert fires and reaches the pager.
			chaos(0, 400);
			await("the generated SloErrorBudgetBurnFast of checkout-latency to fire").atMost(Duration.ofSeconds(180))
				.until(() -> !prometheus.query("ALERTS{alertname=\"SloErrorBudgetBurnFast\", slo=\"checkout-latency\", "
							+ "alertstate=\"firing\"}").isEmpty());
			await("SloErrorBudgetBurnFast at the pager").atMost(Duration.ofSeconds(60))
				.until(() -> webhook.notifications().stream().anyMatch((n) -> n.path().equals("/pager")
							&& n.has("firing", "SloErrorBudgetBurnFast")));
			assertThat(prometheus.query("slo:error_budget_remaining:ratio{slo=\"checkout-latency\"}")).isNotEmpty();
			chaos(0);

			alertmanager.post("""
					[{"labels":{"alertname":"ServiceDown","application":"inhibit-probe","severity":"critical"}},
					 {"labels":{"alertname":"HighLatencyP95","application":"inhibit-probe","severity":"warning"}},
					 {"labels":{"alertname":"HighLatencyP95","application":"other-service","severity":"warning"}}]
					""");
			await("HighLatencyP95 of the down service to be suppressed").atMost(Duration.ofSeconds(30))
				.until(() -> state(alertmanager.alerts(), "HighLatencyP95", "inhibit-probe").equals("suppressed"));
			assertThat(state(alertmanager.alerts(), "HighLatencyP95", "other-service")).isEqualTo("active");
			assertThat(state(alertmanager.alerts(), "ServiceDown", "inhibit-probe")).isEqualTo("active");
		}
	}

	private void chaos(double paymentFailureRate) {
		chaos(paymentFailureRate, 20);
	}

	private void chaos(double paymentFailureRate, int paymentLatencyMs) {
		chaos(paymentFailureRate, paymentLatencyMs, 0);
	}

	private void chaos(double paymentFailureRate, int paymentLatencyMs, int catalogFailures) {
		new ShopClient(this.port).chaos(paymentFailureRate, paymentLatencyMs, catalogFailures, "NONE");
	}

	private static String state(JsonNode alerts, String alertname, String application) {
		for (JsonNode alert : alerts) {
			if (alertname.equals(alert.path("labels").path("alertname").asString())
					&& application.equals(alert.path("labels").path("application").asString())) {
				return alert.path("status").path("state").asString();
			}
		}
		return "absent";
	}

	private String prometheusConfiguration(int alertmanagerPort) {
		return StackFixtures.prometheusHead("2s", alertmanagerPort, "test.rules.yml", "slo.rules.yml")
				+ StackFixtures.shopScrapeConfigs(this.port);
	}

	/** The first chat (Slack-format) attachment whose title starts so, or {@code null}. */
	private static JsonNode chatMessage(WebhookReceiver webhook, String titlePrefix) {
		for (WebhookReceiver.Notification notification : webhook.notifications()) {
			if (notification.path().equals("/chat")) {
				for (JsonNode attachment : notification.payload().path("attachments")) {
					if (attachment.path("title").asString().startsWith(titlePrefix)) {
						return attachment;
					}
				}
			}
		}
		return null;
	}

	private static boolean hasTraceIdExemplar(JsonNode series) {
		for (JsonNode one : series) {
			for (JsonNode exemplar : one.path("exemplars")) {
				if (exemplar.path("labels").path("trace_id").asString().matches("[0-9a-f]{32}")) {
					return true;
				}
			}
		}
		return false;
	}

	/** The histogram selectors of every panel query that shows exemplars. */
	private static Set<String> exemplarSelectors() throws IOException {
		Set<String> selectors = new TreeSet<>();
		for (JsonNode dashboard : StackFixtures.dashboards()) {
			for (JsonNode panel : dashboard.path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					if (target.path("exemplar").asBoolean()) {
						Matcher selector = Pattern.compile("[a-z_]+_bucket\\{[^}]*\\}").matcher(StackFixtures.filled(target.path("expr").asString()));
						while (selector.find()) {
							selectors.add(selector.group());
						}
					}
				}
			}
		}
		assertThat(selectors).hasSizeGreaterThanOrEqualTo(2);
		return selectors;
	}

	/** The deploy annotation query of every shipped dashboard, with the Grafana variables filled in. */
	private static Set<String> deployAnnotations() throws IOException {
		return annotations("Deploys");
	}

	/** The annotation queries of these names on every shipped dashboard, with the Grafana variables filled in. */
	private static Set<String> annotations(String... names) throws IOException {
		Set<String> queries = new TreeSet<>();
		for (JsonNode dashboard : StackFixtures.dashboards()) {
			for (JsonNode annotation : dashboard.path("annotations").path("list")) {
				if (List.of(names).contains(annotation.path("name").asString())) {
					queries.add(StackFixtures.filled(annotation.path("expr").asString()));
				}
			}
		}
		assertThat(queries).as("annotations " + List.of(names)).isNotEmpty();
		return queries;
	}

}
