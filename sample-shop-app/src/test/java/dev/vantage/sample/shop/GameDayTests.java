package dev.vantage.sample.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import dev.vantage.observability.testsupport.AlertmanagerServer;
import dev.vantage.observability.testsupport.PrometheusDurations;
import dev.vantage.observability.testsupport.PrometheusServer;
import dev.vantage.observability.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A game day at the shipped intervals: three shops under traffic, each its own application, a
 * real Prometheus scraping and evaluating the shipped rules every 15 s, the shipped Alertmanager
 * routes (group_wait included) and a webhook for the pager. After five minutes of ordinary
 * traffic (the five-minute windows full, as in detection.rules.test.yml), each shop gets one
 * failure at the same moment: its payment provider unavailable, its payment provider hanging,
 * or the shop itself gone. The test measures when each page arrives at the pager and, once the
 * failure is switched off, when its resolve does, and holds them to the detection table of
 * docs/alerts.md: no later than its page time plus the pager's group_wait and two evaluations.
 * About ten minutes; it runs once, on the main build.
 */
@Tag("game-day")
class GameDayTests {

	/** The pager route's group_wait and group_interval in the shipped Alertmanager configuration. */
	private static final Duration GROUP_WAIT = Duration.ofSeconds(10);

	private static final Duration GROUP_INTERVAL = Duration.ofMinutes(1);

	/** Two evaluations at the shipped interval: the group offsets and the scrape. */
	private static final Duration SLACK = Duration.ofSeconds(30);

	private static final Duration WARM_UP = Duration.ofMinutes(5).plusSeconds(15);

	@TempDir
	Path secrets;

	@Test
	void eachFailurePagesAndResolvesWithinItsDetectionTime() throws Exception {
		int down = PrometheusServer.freePort();
		AtomicReference<ConfigurableApplicationContext> gone = new AtomicReference<>();
		try (WebhookReceiver webhook = new WebhookReceiver();
				AlertmanagerServer alertmanager = AlertmanagerServer
					.start(StackFixtures.shippedAlertmanagerConfiguration(webhook, this.secrets));
				ConfigurableApplicationContext unavailable = shop("game-day-unavailable", 0);
				ConfigurableApplicationContext hang = shop("game-day-hang", 0)) {
			gone.set(shop("game-day-down", down));
			try (PrometheusServer prometheus = PrometheusServer.start(configuration(alertmanager.port(),
					port(unavailable), port(hang), down), Map.of("vantage.rules.yml",
							Files.readString(StackFixtures.ROOT.resolve("alert-rules/vantage.rules.yml")),
							StackFixtures.SCRAPE_PASSWORD_FILE, "prometheus\n"))) {
				await("three shops scraped").atMost(Duration.ofSeconds(60))
					.until(() -> prometheus.query("up{job=\"game-day\"} == 1").size() == 3);
				Thread.sleep(WARM_UP.toMillis());
				assertThat(webhook.notifications()).as("no page during ordinary traffic")
					.noneMatch((n) -> n.path().equals("/pager"));

				ExecutorService scenarios = Executors.newFixedThreadPool(3);
				Future<Figures> providerDown = scenarios.submit(() -> measure(webhook, "game-day-unavailable",
						"PaymentsFailing", () -> knob(unavailable, "UNAVAILABLE"), () -> knob(unavailable, "NONE")));
				Future<Figures> providerHangs = scenarios.submit(() -> measure(webhook, "game-day-hang",
						"PaymentsFailing", () -> knob(hang, "HANG"), () -> knob(hang, "NONE")));
				Future<Figures> shopGone = scenarios.submit(() -> measure(webhook, "game-day-down", "ServiceDown",
						() -> gone.getAndSet(null).close(), () -> gone.set(shop("game-day-down", down))));

				scenarios.shutdown();
				List<String> report = new ArrayList<>();
				check(report, "payments all fail (provider unavailable)", providerDown.get());
				check(report, "payments hang (provider accepts and never answers)", providerHangs.get());
				check(report, "the service is down (every instance gone)", shopGone.get());
				System.out.println("Game day (from the failure's start; at the pager):\n" + String.join("\n", report));
			}
		}
		finally {
			if (gone.get() != null) {
				gone.get().close();
			}
		}
	}

	/** When the page of one failure arrived at the pager, and when its resolve did. */
	record Figures(String alert, Duration page, Duration resolve) {
	}

	private static Figures measure(WebhookReceiver webhook, String application, String alert, Runnable failure,
			Runnable repair) {
		long start = System.nanoTime();
		failure.run();
		await(alert + " of " + application + " at the pager").atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> paged(webhook, application, alert, "firing"));
		Duration page = Duration.ofNanos(System.nanoTime() - start);
		long repaired = System.nanoTime();
		repair.run();
		await(alert + " of " + application + " resolved at the pager").atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> paged(webhook, application, alert, "resolved"));
		return new Figures(alert, page, Duration.ofNanos(System.nanoTime() - repaired));
	}

	private static boolean paged(WebhookReceiver webhook, String application, String alert, String status) {
		Predicate<WebhookReceiver.Notification> matches = (n) -> n.path().equals("/pager") && n.has(status, alert)
				&& application.equals(n.payload().path("groupLabels").path("application").asString());
		return webhook.notifications().stream().anyMatch(matches);
	}

	/** Holds one failure's figures to its row of the detection table. */
	private static void check(List<String> report, String failure, Figures figures) throws IOException {
		List<String> row = detectionRow(failure);
		Duration page = PrometheusDurations.parse(row.get(2).replaceAll(" .*", ""));
		Duration resolve = PrometheusDurations.parse(row.get(3));
		report.add("  %s: %s paged after %d s (table %d s + group_wait), resolved after %d s (table %d s + group_interval)"
			.formatted(failure, figures.alert(), figures.page().toSeconds(), page.toSeconds(), figures.resolve().toSeconds(),
					resolve.toSeconds()));
		assertThat(row.get(2)).as(failure).contains("`" + figures.alert() + "`");
		assertThat(figures.page()).as(failure + ": page at the pager").isLessThanOrEqualTo(page.plus(GROUP_WAIT).plus(SLACK));
		assertThat(figures.resolve()).as(failure + ": resolve at the pager")
			.isLessThanOrEqualTo(resolve.plus(GROUP_INTERVAL).plus(SLACK));
	}

	/** The cells of a failure's row in the detection table of docs/alerts.md. */
	private static List<String> detectionRow(String failure) throws IOException {
		String alerts = Files.readString(StackFixtures.ROOT.resolve("docs/alerts.md"));
		for (String line : alerts.substring(alerts.indexOf("## Detection, measured")).split("\n")) {
			if (line.startsWith("| " + failure + " |")) {
				return List.of(line.substring(2, line.length() - 2).split(" \\| "));
			}
		}
		throw new AssertionError("no row for '" + failure + "' in the detection table of docs/alerts.md");
	}

	private static void knob(ConfigurableApplicationContext shop, String paymentOutage) {
		new ShopClient(port(shop)).chaos(0.02, 80, 0, paymentOutage);
	}

	private static ConfigurableApplicationContext shop(String name, int port) {
		return new SpringApplicationBuilder(ShopApplication.class).run("--server.port=" + port,
				"--spring.application.name=" + name,
				"--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"--sample.traffic.enabled=true", "--sample.traffic.rate=10",
				"--observability.audit.file=target/game-day-test/" + name + "/audit.json", "--spring.jmx.enabled=false");
	}

	private static int port(ConfigurableApplicationContext shop) {
		return Integer.parseInt(shop.getEnvironment().getProperty("local.server.port"));
	}

	/** The shipped intervals (15 s) and rules, the shops scraped as the compose stack does. */
	private static String configuration(int alertmanagerPort, int... ports) {
		StringBuilder targets = new StringBuilder();
		for (int port : ports) {
			targets.append("'127.0.0.1:").append(port).append("', ");
		}
		return StackFixtures.prometheusHead("15s", alertmanagerPort, "vantage.rules.yml") + """
				scrape_configs:
				  - job_name: game-day
				    metrics_path: /actuator/prometheus
				    honor_labels: true
				    basic_auth:
				      username: prometheus
				      password_file: '%%DIR%%/%s'
				    static_configs:
				      - targets: [%s]
				    relabel_configs:
				      # The application label `up` needs, from each shop's name, as honour_labels keeps the shop's own.
				      - source_labels: [__address__]
				        regex: '127.0.0.1:%d'
				        target_label: application
				        replacement: game-day-unavailable
				      - source_labels: [__address__]
				        regex: '127.0.0.1:%d'
				        target_label: application
				        replacement: game-day-hang
				      - source_labels: [__address__]
				        regex: '127.0.0.1:%d'
				        target_label: application
				        replacement: game-day-down
				""".formatted(StackFixtures.SCRAPE_PASSWORD_FILE,
				targets.substring(0, targets.length() - 2), ports[0], ports[1], ports[2]);
	}

}
