package dev.vantage.sample.shop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vantage.observability.testsupport.PrometheusServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Past one Prometheus: two instances of the shop, scraped by a Prometheus in agent mode that
 * remote-writes everything to a second Prometheus receiving remote_write (the write path of
 * Mimir, Thanos Receive, Cortex and VictoriaMetrics). The receiver answers every dashboard query
 * across both instances, and the shipped rules, evaluated there as a scaled store's ruler would,
 * fire the payment alert.
 */
class RemoteWriteTests {

	@Test
	void agentRemoteWritesTwoInstancesAndTheReceiverAnswersDashboardsAndFiresAlerts() throws Exception {
		try (ShopInstance first = new ShopInstance("remote-write", 1, "--sample.chaos.payment-failure-rate=0.5");
				ShopInstance second = new ShopInstance("remote-write", 2, "--sample.chaos.payment-failure-rate=0.5");
				PrometheusServer receiver = PrometheusServer.remoteWriteReceiver("""
						global:
						  evaluation_interval: 2s
						rule_files:
						  - %DIR%/vantage.rules.yml
						  - %DIR%/slo.rules.yml
						""", Map.of("vantage.rules.yml", StackFixtures.testRules("vantage.rules.yml"), "slo.rules.yml",
						StackFixtures.testRules("slo.rules.yml")));
				PrometheusServer agent = PrometheusServer.agent("""
						global:
						  scrape_interval: 2s
						remote_write:
						  - url: http://127.0.0.1:%d/api/v1/write
						    queue_config:
						      batch_send_deadline: 1s
						      min_backoff: 100ms
						""".formatted(receiver.port()) + StackFixtures.shopScrapeConfigs(first.port(), second.port()),
						Map.of(StackFixtures.SCRAPE_PASSWORD_FILE, "prometheus\n"))) {
			await("both instances up, with their series, at the receiver").atMost(Duration.ofSeconds(60))
				.until(() -> receiver.query("count(count by (instance) (http_server_requests_seconds_count{application=\"sample-shop\"}))")
						.path(0).path("value").path(1).asString().equals("2")
							&& receiver.query("up{application=\"sample-shop\"} == 1").size() == 2);

			List<String> missing = new ArrayList<>(StackFixtures.dashboardQueries());
			await("every dashboard query to return data at the receiver").atMost(Duration.ofSeconds(120)).until(() -> {
				missing.removeIf((query) -> !receiver.query(query).isEmpty());
				return missing.isEmpty();
			});

			await("PaymentFailureRatioHigh to fire at the receiver").atMost(Duration.ofSeconds(120))
				.until(() -> !receiver.query("ALERTS{alertname=\"PaymentFailureRatioHigh\", alertstate=\"firing\"}").isEmpty());
			assertThat(receiver.query("application:http_server_requests:rate5m{application=\"sample-shop\"}")).hasSize(1);
			assertThat(agent.log()).doesNotContain("level=error");
		}
	}

}
