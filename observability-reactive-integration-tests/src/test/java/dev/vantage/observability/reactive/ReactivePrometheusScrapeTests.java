package dev.vantage.observability.reactive;

import java.time.Duration;

import dev.vantage.observability.testsupport.Eventually;
import dev.vantage.observability.testsupport.PrometheusServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux service against a real Prometheus (the Debian package, 2.42 on bookworm),
 * with tracing on: the target stays up and bucket exemplars are stored, as on servlet.
 */
class ReactivePrometheusScrapeTests extends ReactiveAppTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";


	@Test
	void targetStaysUpWithTracingAndBucketExemplarsAreStored() {
		try (ReactiveApp app = start();
				PrometheusServer prometheus = PrometheusServer.scraping(app.port())) {
			app.http().get("/orders/7", "traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01");
			JsonNode target = prometheus.scrapedTarget();
			assertThat(target.path("health").asString()).as(target.path("lastError").asString()).isEqualTo("up");
			Eventually.await(Duration.ofSeconds(20), "the bucket exemplar of the traced request",
					() -> prometheus.exemplars("http_server_requests_seconds_bucket{uri=\"/orders/{id}\"}")
						.toString()
						.contains(TRACE_ID));
		}
	}

}
