package dev.vantage.sample.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop on its embedded defaults (H2, Caffeine) with the traffic generator on: every
 * series of the Metrics Dictionary gets data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.traffic.enabled=true", "sample.traffic.rate=25", "sample.inventory.interval=2s",
				"observability.health.refresh-interval=2s", "observability.audit.file=target/traffic-test/audit.json" })
class ShopTrafficTests {

	@LocalServerPort
	private int port;

	@Test
	void everyDictionarySeriesHasDataUnderTraffic() throws Exception {
		ShopClient shop = new ShopClient(this.port);
		List<String> dictionary = dictionary();
		// The generator is random: wait until every expectation has had its chance, then assert.
		List<String> unmet = List.of("not scraped yet");
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (!unmet.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(1000);
			unmet = unmet(shop.scrape(), dictionary);
		}
		assertThat(unmet).as("expectations unmet after the traffic").isEmpty();
		// The payment simulator fails a share of payments with 500 on purpose (sample.chaos.payment-failure-rate);
		// every other route of the shop must not.
		assertThat(shop.scrape().lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds_count") && line.contains("status=\"500\""))
			.filter((line) -> !line.contains("uri=\"/simulator/payments\"")))
			.as("requests that ended in a server error").isEmpty();
	}

	private static List<String> unmet(String scrape, List<String> dictionary) {
		Set<String> families = families(scrape);
		List<String> unmet = new ArrayList<>();
		dictionary.stream()
			.filter((entry) -> families.stream().noneMatch((family) -> matches(entry, family)))
			.forEach((entry) -> unmet.add("dictionary series " + entry));
		for (String status : List.of("placed", "paid", "cancelled", "refunded")) {
			requirePositive(unmet, scrape, "business_orders_total", "status", status);
		}
		requirePositive(unmet, scrape, "security_authentication_total", "outcome", "failure");
		requirePositive(unmet, scrape, "security_suspicious_activity_total", "type", "injection_attempt");
		requirePositive(unmet, scrape, "cache_gets_total", "result", "hit");
		requirePositive(unmet, scrape, "business_funnel_steps_total", "step", "paid");
		return unmet;
	}

	private static void requirePositive(List<String> unmet, String scrape, String series, String tag, String value) {
		if (ShopClient.sum(scrape, series, tag, value) <= 0) {
			unmet.add(series + "{" + tag + "=\"" + value + "\"} > 0");
		}
	}

	/** The series names of the Metrics Dictionary (docs/metrics.md), the one catalog of the project. */
	private static List<String> dictionary() throws IOException {
		String page = Files.readString(Path.of("..", "docs", "metrics.md"));
		String section = page.substring(page.indexOf("\n| series |"));
		section = section.substring(0, section.indexOf("\n## "));
		List<String> series = new ArrayList<>();
		for (String line : section.split("\n")) {
			if (line.startsWith("| `")) {
				series.add(line.substring(3, line.indexOf('`', 3)));
			}
		}
		assertThat(series).hasSizeGreaterThan(20);
		return series;
	}

	private static Set<String> families(String scrape) {
		return scrape.lines()
			.filter((line) -> line.startsWith("# TYPE "))
			.map((line) -> line.split(" ")[2])
			.filter((family) -> scrape.contains("\n" + family))
			.collect(Collectors.toSet());
	}

	private static boolean matches(String entry, String family) {
		return entry.endsWith("*") ? family.startsWith(entry.substring(0, entry.length() - 1)) : entry.equals(family);
	}

}
