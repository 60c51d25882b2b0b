package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant header is caller input: with an allow-list, anonymous callers can neither record
 * under a tenant outside it nor push the tenants with real traffic into {@code other}.
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

}
