package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.PrometheusServer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control of the exemplar check of {@link ServletOutsideInTests}: why Vantage keeps
 * exemplars off {@code _count} lines for Prometheus 2.42 (the Debian package on bookworm).
 */
class PrometheusScrapeTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

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
