package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.Scrape;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.cardinality.TagValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class HttpMetricsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	private Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@Test
	void tenantTagCollapsesToOtherAfterLimit() {
		for (int i = 0; i < 500; i++) {
			assertThat(this.http.get("/orders/" + i, "X-Tenant-Id", "tenant-" + i).statusCode()).isEqualTo(200);
		}
		Scrape scrape = this.http.scrape();
		Set<String> tenants = scrape.labelValues("http_server_tenant_requests_seconds_count", "tenant");
		assertThat(tenants).hasSizeLessThanOrEqualTo(101).contains(TagValues.OTHER);
		assertThat(scrape.sum("observability_cardinality_overflow_total", "meter", "http.server.tenant.requests",
				"tag", "tenant"))
			.isGreaterThan(0);
		assertThat(scrape.sum("http_server_tenant_requests_seconds_count", "tenant", TagValues.OTHER,
				"outcome", "SUCCESS"))
			.isGreaterThanOrEqualTo(400);
	}

	@Test
	void tenantIsNoneWithoutHeaderAndOutcomeFollowsStatus() {
		this.http.get("/orders/7");
		this.http.get("/boom", "X-Tenant-Id", "acme");
		Scrape scrape = this.http.scrape();
		assertThat(scrape.sum("http_server_tenant_requests_seconds_count", "tenant", "none", "outcome", "SUCCESS"))
			.isGreaterThanOrEqualTo(1);
		assertThat(scrape.sum("http_server_tenant_requests_seconds_count", "tenant", "acme", "outcome",
				"SERVER_ERROR"))
			.isEqualTo(1);
	}

	@Test
	void rawIdPathYieldsRouteTemplate() {
		this.http.get("/orders/9876543");
		Set<String> uris = this.http.scrape().labelValues("http_server_requests_seconds_count", "uri");
		assertThat(uris).contains("/orders/{id}").noneMatch((uri) -> uri.contains("9876543"));
	}

	@Test
	void serverRequestsHaveSloBucketsAndApplicationTag() {
		this.http.get("/orders/1");
		Scrape scrape = this.http.scrape();
		Set<String> buckets = scrape.labelValues("http_server_requests_seconds_bucket", "le");
		assertThat(buckets).contains("0.05", "0.1", "0.2", "0.3", "0.5", "1.0", "2.0", "5.0", "+Inf");
		assertThat(scrape.samples("http_server_requests_seconds_count"))
			.allMatch((sample) -> "vantage-it".equals(sample.labels().get("application")));
		assertThat(scrape.has("application_build_info", "application", "vantage-it")).isTrue();
	}

	@Test
	void incomingTraceparentIsHonouredAndExemplarsStayOnBuckets() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		// A route of its own: a bucket keeps its exemplar for a while, so other tests' traffic would hold it.
		HttpResponse<String> response = this.http.get("/traced", "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(response.statusCode()).isEqualTo(200);
		Scrape scrape = this.http.scrapeOpenMetrics();
		List<Scrape.Sample> withExemplar = scrape.samples("http_server_requests_seconds_bucket")
			.stream()
			.filter((sample) -> sample.exemplar().contains(traceId))
			.toList();
		assertThat(withExemplar).as("a bucket exemplar of the traced request").isNotEmpty();
		// Prometheus before 2.43 rejects the whole scrape when a _count line has an exemplar.
		assertThat(scrape.text().lines().filter((line) -> line.contains("_count") && line.contains(" # {")))
			.isEmpty();
	}

	@Test
	void meterFedManyTagCombinationsStopsAtSeriesCap() {
		for (int a = 0; a < 80; a++) {
			for (int b = 0; b < 40; b++) {
				Counter.builder("business.series.cap.probe")
					.tag("a", "a" + a)
					.tag("b", "b" + b)
					.register(this.registry)
					.increment();
			}
		}
		assertThat(this.registry.find("business.series.cap.probe").counters()).hasSize(2000);
		Counter overflow = this.registry.find(CardinalityGuard.OVERFLOW_METER)
			.tags("meter", "business.series.cap.probe", "tag", CardinalityGuard.SERIES_TAG)
			.counter();
		assertThat(overflow).isNull();
		assertThat(this.http.scrape()
			.sum("observability_cardinality_overflow_total", "meter", "business.series.cap.probe", "tag", "_series"))
			.isEqualTo(80 * 40 - 2000);
	}

}
