package dev.vantage.sample.shop;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the shop API: a 4xx with a clear message, never a 500, nothing recorded.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "observability.audit.file=target/bad-input-test/audit.json")
class ShopBadInputTests {

	@LocalServerPort
	private int port;

	private HttpResponse<String> order(String json) {
		return new ShopClient(this.port).post("acme", "/api/orders", "alice", "password", json);
	}

	@Test
	void badOrdersAreRefusedClearlyAndRecordNothing() {
		ShopClient shop = new ShopClient(this.port);
		double ordersBefore = ShopClient.sum(shop.scrape(), "business_orders_total");

		HttpResponse<String> malformed = order("{\"items\": [ {\"productId\": 1, \"quantity\": ");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("malformed JSON");

		HttpResponse<String> negative = order("{\"items\":[{\"productId\":1,\"quantity\":-3}]}");
		assertThat(negative.statusCode()).isEqualTo(400);
		assertThat(negative.body()).contains("quantity");

		HttpResponse<String> unknown = order("{\"items\":[{\"productId\":999,\"quantity\":1}]}");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("product 999 does not exist in shop 'acme'");

		HttpResponse<String> otherShop = order("{\"items\":[{\"productId\":11,\"quantity\":1}]}");
		assertThat(otherShop.statusCode()).isEqualTo(404);

		HttpResponse<String> tooMany = order("{\"items\":[{\"productId\":1,\"quantity\":100000}]}");
		assertThat(tooMany.statusCode()).isEqualTo(400);

		HttpResponse<String> empty = order("{\"items\":[]}");
		assertThat(empty.statusCode()).isEqualTo(400);

		assertThat(ShopClient.sum(shop.scrape(), "business_orders_total")).isEqualTo(ordersBefore);
	}

	@Test
	void hugePayloadsAreRefusedWith413() {
		ShopClient shop = new ShopClient(this.port);
		String huge = "{\"items\":[" + "{\"productId\":1,\"quantity\":1},".repeat(50_000) + "]}";
		assertThat(order(huge).statusCode()).isEqualTo(413);
		HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/orders"))
			.header("X-Tenant-Id", "acme")
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:password".getBytes()))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())));
		HttpResponse<String> streamed = shop.send(chunked);
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertThat(streamed.body()).contains("limited to");
	}

	@Test
	void badSignupsAndStatesAreClientErrors() {
		ShopClient shop = new ShopClient(this.port);
		Stream.of("{\"username\":\"x\",\"password\":\"long-enough-pass\"}",
				"{\"username\":\"new.user\",\"password\":\"short\"}", "{\"username\":\"\\u0000\\r\\n\",\"password\":\"long-enough-pass\"}",
				"not json")
			.forEach((json) -> assertThat(shop.post("acme", "/api/signup", null, null, json).statusCode()).as(json)
				.isEqualTo(400));
		assertThat(shop.post("nowhere", "/api/signup", null, null,
				"{\"username\":\"someone\",\"password\":\"long-enough-pass\"}").statusCode()).isEqualTo(404);
		assertThat(shop.post("acme", "/api/signup", null, null,
				"{\"username\":\"alice\",\"password\":\"long-enough-pass\"}").statusCode()).isEqualTo(409);
		assertThat(shop.post("acme", "/api/orders/424242/pay", "alice", "password", null).statusCode()).isEqualTo(404);
		assertThat(shop.get("acme", "/api/products/abc", null, null).statusCode()).isEqualTo(400);
		assertThat(shop.get("acme", "/api/products?q=" + "x".repeat(500), null, null).statusCode()).isEqualTo(400);
		assertThat(shop.get("acme", "/api/admin/chaos", "alice", "password").statusCode()).isEqualTo(403);
		assertThat(shop.get("acme", "/actuator/env", "prometheus", "prometheus").statusCode()).isIn(403, 404);
		assertThat(ShopClient.sum(shop.scrape(), "http_server_requests_seconds_count", "status", "500")).isZero();
	}

}
