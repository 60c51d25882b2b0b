package dev.vantage.sample.shop;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos knobs, turned at runtime through the admin endpoint, change what the shop does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "observability.audit.file=target/chaos-test/audit.json")
class ChaosKnobsTests {

	private static final String ALL_FAIL = "{\"paymentFailureRate\":1.0,\"paymentLatencyMs\":0,\"dbLatencyMs\":0,"
			+ "\"paymentOutage\":\"NONE\"}";

	@LocalServerPort
	private int port;

	@Test
	void paymentFailuresAndOutagesAreTurnedOnAndOffAtRuntime() {
		ShopClient shop = new ShopClient(this.port);
		assertThat(shop.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port
				+ "/api/admin/chaos")).header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
			.PUT(HttpRequest.BodyPublishers.ofString(ALL_FAIL))).statusCode()).isEqualTo(200);
		assertThat(shop.get("acme", "/api/admin/chaos", "admin", "admin").body()).contains("\"paymentFailureRate\":1.0");

		HttpResponse<String> placed = shop.post("acme", "/api/orders", "alice", "password",
				"{\"items\":[{\"productId\":2,\"quantity\":1}]}");
		String id = ShopClient.orderId(placed);
		assertThat(shop.post("acme", "/api/orders/" + id + "/pay", "alice", "password", null).body()).contains("\"failed\"");
		String scrape = shop.scrape();
		assertThat(ShopClient.sum(scrape, "business_payments_seconds_count", "outcome", "declined")
				+ ShopClient.sum(scrape, "business_payments_seconds_count", "outcome", "error")).isEqualTo(1);

		assertThat(shop.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port
				+ "/api/admin/chaos")).header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
			.PUT(HttpRequest.BodyPublishers.ofString(ALL_FAIL.replace("1.0", "2.0")))).statusCode())
			.isEqualTo(400);
	}

}
