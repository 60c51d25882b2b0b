package dev.vantage.sample.shop;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code observability.tenant.header} changed, the shop reads its shop from that header
 * too, so its business meters and Vantage's HTTP meters name the same tenant.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "observability.tenant.header=X-Shop", "observability.audit.file=target/tenant-header-test/audit.json" })
class ShopTenantHeaderTests {

	@LocalServerPort
	private int port;

	@Test
	void businessAndHttpTenantTagsAgreeOnAConfiguredHeader() {
		ShopClient shop = new ShopClient(this.port, "X-Shop");
		HttpResponse<String> placed = shop.post("acme", "/api/orders", "alice", "password",
				"{\"items\":[{\"productId\":1,\"quantity\":1}]}");
		assertThat(placed.statusCode()).isEqualTo(201);
		String scrape = shop.scrape();
		assertThat(ShopClient.sum(scrape, "business_orders_total", "tenant", "acme", "status", "placed")).isEqualTo(1);
		assertThat(ShopClient.sum(scrape, "http_server_tenant_requests_seconds_count", "tenant", "acme")).isPositive();
		assertThat(ShopClient.sum(scrape, "business_orders_total", "tenant", "none")).isZero();
	}

}
