package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ContextPropagationTests {

	@LocalServerPort
	private int port;

	@Test
	void traceIdAndTenantFollowAsyncWork() {
		String traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
		String body = new Http(this.port)
			.get("/async", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "X-Tenant-Id", "acme")
			.body();
		JsonNode seen = JsonMapper.builder().build().readTree(body);
		assertThat(seen.path("thread").asString()).startsWith("task-");
		assertThat(seen.path("traceId").asString()).isEqualTo(traceId);
		assertThat(seen.path("tenant").asString()).isEqualTo("acme");
	}

}
