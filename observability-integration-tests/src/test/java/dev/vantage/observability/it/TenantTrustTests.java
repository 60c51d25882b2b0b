package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant header is caller input: with an allow-list, anonymous callers can neither record
 * under a tenant outside it nor push the tenants with real traffic into {@code other}; without
 * one, a flood of junk values still cannot keep the tenants with real traffic out.
 */
class TenantTrustTests {

	private static final String SERIES = "http_server_tenant_requests_seconds_count";

	@Test
	void junkTenantValuesAreUnknownAndLeaveTheRealTenantsSeriesIntact() {
		try (RunningApp app = RunningApp.start("--observability.tenant.allowed=acme,globex",
				"--spring.application.name=tenant-trust")) {
			Http http = app.http();
			for (int i = 0; i < 2_000; i++) {
				http.get("/log?text=junk", "X-Tenant-Id", "junk-" + i);
				if (i % 100 == 0) {
					http.get("/log?text=real", "X-Tenant-Id", (i % 200 == 0) ? "acme" : "globex");
				}
			}
			Scrape scrape = http.scrape();
			assertThat(scrape.labelValues(SERIES, "tenant")).containsExactlyInAnyOrder("acme", "globex", "unknown");
			assertThat(scrape.sum(SERIES, "tenant", "acme")).isEqualTo(10);
			assertThat(scrape.sum(SERIES, "tenant", "globex")).isEqualTo(10);
			assertThat(scrape.sum(SERIES, "tenant", "unknown")).isEqualTo(2_000);
			assertThat(scrape.text()).doesNotContain("junk-");
		}
	}

	@Test
	void withoutAnAllowListJunkArrivingFirstCannotKeepTheRealTenantsOut() {
		try (RunningApp app = RunningApp.start("--spring.application.name=tenant-flood")) {
			Http http = app.http();
			for (int i = 0; i < 3_000; i++) {
				http.get("/log?text=junk", "X-Tenant-Id", "junk-" + i);
				if (i % 20 == 0) {
					http.get("/log?text=real", "X-Tenant-Id", (i % 40 == 0) ? "acme" : "globex");
				}
			}
			Scrape scrape = http.scrape();
			assertThat(scrape.labelValues(SERIES, "tenant")).contains("acme", "globex").hasSizeLessThanOrEqualTo(101);
			// The first junk values fill the tenant budget; a real tenant takes a junk value's place by its
			// second or third request, and keeps it.
			assertThat(scrape.sum(SERIES, "tenant", "acme")).isBetween(70.0, 75.0);
			assertThat(scrape.sum(SERIES, "tenant", "globex")).isBetween(70.0, 75.0);
		}
	}

}
