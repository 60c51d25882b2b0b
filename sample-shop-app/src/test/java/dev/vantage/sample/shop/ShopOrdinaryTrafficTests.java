package dev.vantage.sample.shop;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's ordinary traffic (no deliberate attacks) raises no suspicious-request finding:
 * the detector has no false positive on a real shop's requests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.traffic.enabled=true", "sample.traffic.rate=40", "sample.traffic.attacks=false",
				"observability.audit.file=target/ordinary-traffic-test/audit.json" })
class ShopOrdinaryTrafficTests {

	@LocalServerPort
	private int port;

	@Test
	void ordinaryTrafficIsNeverTakenForAnAttack() throws InterruptedException {
		ShopClient shop = new ShopClient(this.port);
		double requests = 0;
		for (int i = 0; i < 30 && requests < 300; i++) {
			Thread.sleep(500);
			requests = ShopClient.sum(shop.scrape(), "http_server_requests_seconds_count");
		}
		assertThat(requests).isGreaterThanOrEqualTo(300);
		String scrape = shop.scrape();
		assertThat(ShopClient.sum(scrape, "security_suspicious_activity_total", "type", "injection_attempt")).isZero();
		assertThat(ShopClient.sum(scrape, "security_suspicious_activity_total", "type", "path_traversal")).isZero();
	}

}
