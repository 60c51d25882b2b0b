package dev.vantage.observability.testsupport;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.vantage.observability.testsupport.OutsideInSuite.Service;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside-in checks, part of {@link OutsideInSuite}: The RUM script and beacons: bounded meters, hostile beacons refused, CORS, rate limits.
 */
public interface RumChecks extends OutsideInService {

	@Test
	default void rumIsOffByDefault() {
		try (Service app = start()) {
			assertThat(app.http().get("/vantage/rum.js").statusCode()).isEqualTo(404);
			assertThat(app.http().scrape().text()).doesNotContain("rum_");
		}
	}

	@Test
	default void rumBeaconsBecomeBoundedMetersAndHostileOnesAreRefused() {
		try (Service app = start("--observability.rum.enabled=true", "--observability.rum.pages=/products/{id}",
				"--observability.rum.allowed-origins=https://www.example.com")) {
			Http http = app.http();
			String self = "http://127.0.0.1:" + app.port();
			HttpResponse<String> script = http.get("/vantage/rum.js");
			assertThat(script.statusCode()).isEqualTo(200);
			assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/javascript"));
			assertThat(script.body()).contains("var webVitals=", "\"beacon\":\"/vantage/rum\"");
			assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
			String etag = script.headers().firstValue("ETag").orElseThrow();
			assertThat(http.get("/vantage/rum.js", "If-None-Match", etag).statusCode()).isEqualTo(304);

			assertThat(beacon(http, self, "{\"page\":\"/products/{id}\",\"view\":true,\"errors\":2,\"metrics\":["
					+ "{\"name\":\"LCP\",\"value\":1200},{\"name\":\"FCP\",\"value\":700},{\"name\":\"TTFB\",\"value\":90},"
					+ "{\"name\":\"INP\",\"value\":64},{\"name\":\"CLS\",\"value\":0.05},"
					+ "{\"name\":\"FID\",\"value\":5},{\"name\":\"LCP\",\"value\":1300}]}").statusCode()).isEqualTo(204);
			HttpResponse<String> fromReferer = http.send("POST", "/vantage/rum",
					"{\"page\":\"/products/42?ref=mail\",\"view\":true}".getBytes(StandardCharsets.UTF_8),
					"Content-Type", "text/plain", "Referer", self + "/products/42?ref=mail");
			assertThat(fromReferer.statusCode()).as("a page that sends its Referer but no Origin").isEqualTo(204);
			assertThat(fromReferer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(fromReferer.headers().firstValue("Cache-Control")).hasValue("no-store");
			assertThat(beacon(http, null, "{\"page\":\"/products/{id}\",\"view\":true}").statusCode())
				.as("neither Origin nor Referer: not a browser's page").isEqualTo(403);
			HttpResponse<String> crossOrigin = beacon(http, "https://www.example.com",
					"{\"page\":\"/products/{id}\",\"metrics\":[{\"name\":\"TTFB\",\"value\":-1}]}");
			assertThat(crossOrigin.statusCode()).isEqualTo(204);
			assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://www.example.com");
			HttpResponse<String> preflight = http.send("OPTIONS", "/vantage/rum", null, "Origin",
					"https://www.example.com", "Access-Control-Request-Method", "POST");
			assertThat(preflight.statusCode()).isEqualTo(204);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
			assertThat(http.send("OPTIONS", "/vantage/rum", null, "Origin", "https://evil.example").statusCode())
				.isEqualTo(403);

			assertThat(beacon(http, "https://evil.example", "{\"page\":\"/products/{id}\",\"view\":true}")
				.statusCode()).isEqualTo(403);
			assertThat(beacon(http, self, "{\"page\":").statusCode()).isEqualTo(400);
			assertThat(beacon(http, self, "[\"\u0000\"]").statusCode()).isEqualTo(400);
			assertThat(beacon(http, self, "{\"page\":\"" + "x".repeat(17 * 1024) + "\"}").statusCode())
				.isEqualTo(413);
			assertThat(http.get("/vantage/rum").statusCode()).isEqualTo(405);

			Scrape scrape = http.scrape();
			String page = "/products/{id}";
			assertThat(scrape.sum("rum_web_vitals_seconds_count", "metric", "lcp", "page", page)).isEqualTo(1);
			assertThat(scrape.sum("rum_web_vitals_seconds_bucket", "metric", "lcp", "page", page, "le", "1.0")).isZero();
			assertThat(scrape.sum("rum_web_vitals_seconds_bucket", "metric", "lcp", "page", page, "le", "2.5"))
				.isEqualTo(1);
			assertThat(scrape.sum("rum_web_vitals_seconds_sum", "metric", "lcp", "page", page)).isEqualTo(1.2);
			assertThat(scrape.sum("rum_web_vitals_seconds_count", "metric", "fcp", "page", page)).isEqualTo(1);
			assertThat(scrape.sum("rum_web_vitals_seconds_count", "metric", "ttfb", "page", page)).isEqualTo(1);
			assertThat(scrape.sum("rum_web_vitals_seconds_bucket", "metric", "inp", "page", page, "le", "0.2"))
				.isEqualTo(1);
			assertThat(scrape.sum("rum_cls_thousandths_bucket", "page", page, "le", "50.0")).isEqualTo(1);
			assertThat(scrape.sum("rum_page_views_total", "page", page)).isEqualTo(1);
			assertThat(scrape.sum("rum_page_views_total", "page", "other")).isEqualTo(1);
			assertThat(scrape.sum("rum_js_errors_total", "page", page)).isEqualTo(2);
			assertThat(scrape.labelValues("rum_page_views_total", "page")).containsExactlyInAnyOrder(page, "other");
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "invalid_value")).isEqualTo(3);
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "origin")).isEqualTo(2);
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "malformed")).isEqualTo(2);
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "too_large")).isEqualTo(1);
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "rate_limited")).isZero();
			assertThat(scrape.sum("http_server_requests_seconds_count", "uri", "/vantage/rum", "method", "POST",
					"status", "204"))
				.isEqualTo(3);
		}
	}

	@Test
	default void rumBeaconsOverTheClientsAllowanceAreRefusedAndAFloodOfPagesStaysBounded() {
		try (Service app = start("--observability.rum.enabled=true", "--observability.rum.pages=/",
				"--observability.rum.max-beacons-per-client=300")) {
			Http http = app.http();
			String self = "http://127.0.0.1:" + app.port();
			for (int i = 0; i < 300; i++) {
				assertThat(beacon(http, self, "{\"page\":\"/flood/" + i + "\",\"view\":true,\"metrics\":"
						+ "[{\"name\":\"LCP\",\"value\":" + i + "}]}").statusCode()).isEqualTo(204);
			}
			assertThat(beacon(http, self, "{\"page\":\"/\",\"view\":true}").statusCode()).isEqualTo(429);
			Scrape scrape = http.scrape();
			assertThat(scrape.labelValues("rum_page_views_total", "page")).containsExactly("other");
			assertThat(scrape.sum("rum_page_views_total", "page", "other")).isEqualTo(300);
			assertThat(scrape.labelValues("rum_web_vitals_seconds_count", "page")).containsExactly("other");
			assertThat(scrape.sum("rum_beacons_rejected_total", "reason", "rate_limited")).isEqualTo(1);
		}
	}

	private static HttpResponse<String> beacon(Http http, String origin, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return (origin != null) ? http.send("POST", "/vantage/rum", bytes, "Content-Type", "text/plain", "Origin", origin)
				: http.send("POST", "/vantage/rum", bytes, "Content-Type", "text/plain");
	}

}
