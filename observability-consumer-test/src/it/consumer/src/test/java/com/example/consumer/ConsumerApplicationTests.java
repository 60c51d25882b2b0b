package com.example.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsumerApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void serviceWithTheStarterServesItsMetersTaggedWithTheApplication() throws Exception {
		assertThat(get("/greetings/ada").body()).isEqualTo("Hello, ada");
		HttpResponse<String> scrape = get("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body())
			.contains("http_server_requests_seconds_bucket{application=\"consumer\"")
			.contains("uri=\"/greetings/{name}\"")
			.contains("http_server_tenant_requests_seconds_count{application=\"consumer\"")
			.contains("application_build_info{application=\"consumer\"");
	}

	@Test
	void healthIsUpWithItsProbes() throws Exception {
		assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
		assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
