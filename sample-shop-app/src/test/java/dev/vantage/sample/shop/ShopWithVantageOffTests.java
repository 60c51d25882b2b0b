package dev.vantage.sample.shop;

import java.net.http.HttpResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code observability.enabled=false} is a kill switch that needs no code change: the shop,
 * whose domain code records through Vantage's beans, still starts and sells, and nothing of
 * Vantage's is recorded.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "observability.enabled=false", "sample.chaos.payment-failure-rate=0" })
class ShopWithVantageOffTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Test
	void shopSellsAndVantageRecordsNothing() {
		ShopClient shop = new ShopClient(this.port);
		assertThat(shop.get("acme", "/api/products", null, null).body()).contains("\"id\":1");
		HttpResponse<String> placed = shop.post("acme", "/api/orders", "alice", "password",
				"{\"items\":[{\"productId\":1,\"quantity\":1}]}");
		assertThat(placed.statusCode()).isEqualTo(201);
		String id = ShopClient.orderId(placed);
		assertThat(shop.post("acme", "/api/orders/" + id + "/pay", "alice", "password", null).body())
			.contains("\"paid\"");
		assertThat(shop.post("globex", "/api/orders", "alice", "password",
				"{\"items\":[{\"productId\":11,\"quantity\":1}]}").statusCode()).isEqualTo(404);

		assertThat(this.registry.find("business.orders").meters()).isEmpty();
		assertThat(this.registry.find("http.server.tenant.requests").meters()).isEmpty();
		assertThat(this.registry.find("db.query").meters()).isEmpty();
		assertThat(this.registry.find("http.server.requests").meters()).as("Boot's own meters stay").isNotEmpty();
	}

}
