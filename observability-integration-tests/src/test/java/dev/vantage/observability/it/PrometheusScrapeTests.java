package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.Eventually;
import dev.vantage.observability.testsupport.PrometheusServer;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter against a real Prometheus (the Debian package, 2.42 on bookworm), with
 * tracing on: the target stays up and bucket exemplars are stored.
 */
class PrometheusScrapeTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	@Test
	void targetStaysUpWithTracingAndBucketExemplarsAreStored() {
		try (RunningApp app = RunningApp.start(); PrometheusServer prometheus = PrometheusServer.scraping(app.port())) {
			Http http = app.http();
			http.get("/traced", "traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01");

			JsonNode target = prometheus.scrapedTarget();
			assertThat(target.path("health").asString()).as(target.path("lastError").asString()).isEqualTo("up");
			Eventually.await(Duration.ofSeconds(20), "the bucket exemplar of the traced request",
					() -> prometheus.exemplars("http_server_requests_seconds_bucket{uri=\"/traced\"}")
						.toString()
						.contains(TRACE_ID));
			assertThat(prometheus.query("up{job=\"app\"} == 1")).hasSize(1);
		}
	}

	/** The control: with exemplars back on _count lines, this Prometheus rejects the scrape. */
	@Test
	void countExemplarsWouldTakeTheTargetDownOnThisPrometheus() {
		try (RunningApp app = RunningApp.start(
				"--management.prometheus.metrics.export.properties.[io.prometheus.exporter.exemplarsOnAllMetricTypes]=true");
				PrometheusServer prometheus = PrometheusServer.scraping(app.port())) {
			app.http().get("/traced", "traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01");
			JsonNode target = prometheus.scrapedTarget();
			if ("up".equals(target.path("health").asString())) {
				// Prometheus 2.43 and later accept _count exemplars: nothing to prove on this version.
				assertThat(prometheus.api("/api/v1/status/buildinfo").path("data").path("version").asString())
					.doesNotStartWith("2.42");
				return;
			}
			assertThat(target.path("lastError").asString()).contains("does not support exemplars");
		}
	}

}
