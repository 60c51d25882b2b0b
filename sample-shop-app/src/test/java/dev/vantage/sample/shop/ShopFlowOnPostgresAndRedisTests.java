package dev.vantage.sample.shop;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole shop flow on a real PostgreSQL and a real Redis (the cache): the right meters,
 * audit lines and health components, with the right tags and values.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.chaos.payment-failure-rate=0", "observability.audit.file=target/flow-test/audit.json",
				"management.endpoint.health.show-details=when-authorized" })
@ActiveProfiles({ "postgres", "redis" })
class ShopFlowOnPostgresAndRedisTests {

	private static EmbeddedPostgres postgres;

	private static RedisServer redis;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		int redisPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			redisPort = socket.getLocalPort();
		}
		redis = new RedisServer(redisPort);
		redis.start();
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("spring.data.redis.port", () -> redisPort);
	}

	@AfterAll
	static void stop() throws IOException {
		redis.stop();
		postgres.close();
	}

	@LocalServerPort
	private int port;

	@Test
	void signupBrowsePayAndRefundAreMeasuredAuditedAndHealthy() throws IOException {
		ShopClient shop = new ShopClient(this.port);
		assertThat(shop.post("acme", "/api/signup", null, null,
				"{\"username\":\"dave\",\"password\":\"correct-horse-battery\"}").statusCode()).isEqualTo(201);
		assertThat(shop.get("acme", "/api/me", "dave", "correct-horse-battery").statusCode()).isEqualTo(200);
		assertThat(shop.get("acme", "/api/products?q=tent", null, null).body()).contains("Two-person tent");
		assertThat(shop.get("acme", "/api/products?q=tent", null, null).statusCode()).isEqualTo(200);

		HttpResponse<String> placed = shop.post("acme", "/api/orders", "dave", "correct-horse-battery",
				"{\"items\":[{\"productId\":1,\"quantity\":1}]}");
		assertThat(placed.statusCode()).isEqualTo(201);
		String id = ShopClient.orderId(placed);
		assertThat(shop.post("acme", "/api/orders/" + id + "/pay", "dave", "correct-horse-battery", null).body())
			.contains("\"paid\"");
		assertThat(shop.post("acme", "/api/admin/orders/" + id + "/refund", "admin", "admin", null).body())
			.contains("\"refunded\"");

		String scrape = shop.scrape();
		assertThat(ShopClient.sum(scrape, "business_signups_total", "tenant", "acme")).isEqualTo(1);
		for (String status : List.of("placed", "paid", "refunded")) {
			assertThat(ShopClient.sum(scrape, "business_orders_total", "tenant", "acme", "status", status)).as(status)
				.isEqualTo(1);
		}
		assertThat(ShopClient.sum(scrape, "business_order_value_sum", "tenant", "acme", "currency", "EUR")).isEqualTo(189);
		assertThat(ShopClient.sum(scrape, "business_revenue_total", "tenant", "acme", "currency", "EUR")).isEqualTo(189);
		assertThat(ShopClient.sum(scrape, "business_refunded_total", "tenant", "acme", "currency", "EUR")).isEqualTo(189);
		assertThat(ShopClient.sum(scrape, "business_payments_seconds_count", "provider", "simulator", "outcome",
				"success")).isEqualTo(1);
		assertThat(ShopClient.sum(scrape, "business_funnel_steps_total", "funnel", "checkout", "step", "paid")).isEqualTo(1);
		assertThat(ShopClient.sum(scrape, "cache_gets_total", "cache", "products", "result", "miss")).isGreaterThanOrEqualTo(1);
		assertThat(ShopClient.sum(scrape, "cache_gets_total", "cache", "products", "result", "hit")).isGreaterThanOrEqualTo(1);
		assertThat(ShopClient.sum(scrape, "db_query_seconds_count", "datasource", "dataSource", "operation", "insert"))
			.isGreaterThanOrEqualTo(3);
		assertThat(ShopClient.sum(scrape, "http_client_requests_seconds_count", "uri", "/simulator/payments")).isEqualTo(1);
		assertThat(ShopClient.sum(scrape, "security_authentication_total", "outcome", "success")).isGreaterThanOrEqualTo(4);

		String audit = Files.readString(Path.of("target/flow-test/audit.json"));
		for (String type : List.of("customer.signup", "order.placed", "order.paid", "order.refunded")) {
			assertThat(audit).as(type).contains("\"type\":\"" + type + "\"");
		}
		assertThat(audit).doesNotContain("correct-horse-battery");

		String health = shop.get("acme", "/actuator/health", "admin", "admin").body();
		for (String dependency : List.of("dataSource", "redis", "payments")) {
			assertThat(health).as(dependency).containsPattern("\"" + dependency + "\":\\{\"details\":\\{[^}]*\\},\"status\":\"UP\"");
		}
	}

}
