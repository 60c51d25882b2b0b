package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.HangingServer;
import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.Scrape;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health with dependencies that accept connections and never answer, beyond what
 * {@code OutsideInSuite} checks on both stacks: probe storms, readiness and anonymous callers.
 */
class DependencyHealthTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static RunningApp start(HangingServer critical, HangingServer optional, String... more) {
		String[] args = { "--observability.health.timeout=500ms",
				"--observability.health.http.payments.url=" + critical.url(),
				"--observability.health.http.payments.critical=true",
				"--observability.health.http.search.url=" + optional.url() };
		String[] all = new String[args.length + more.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return RunningApp.start(all);
	}

	@Test
	void thousandHealthCallsKeepThreadsFlatAndTheDependencyUnbothered() throws Exception {
		try (HangingServer payments = new HangingServer(); HangingServer search = new HangingServer();
				RunningApp app = start(payments, search)) {
			Http http = app.http();
			http.get("/actuator/health");
			int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
			long started = System.nanoTime();
			for (int i = 0; i < 1000; i++) {
				assertThat(http.get("/actuator/health").statusCode()).isEqualTo(503);
			}
			int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
			// One check per 5-second cache-ttl the calls lasted, and the first.
			long checks = (System.nanoTime() - started) / 5_000_000_000L + 2;
			assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + 5);
			assertThat(payments.accepted()).as("checks reaching the dependency (cache-ttl 5s)")
				.isLessThanOrEqualTo((int) checks);
			assertThat(search.accepted()).isLessThanOrEqualTo((int) checks);

			Scrape scrape = http.scrape();
			assertThat(scrape.has("dependency_up", "dependency", "payments")).isTrue();
			assertThat(scrape.sum("dependency_up", "dependency", "payments")).isZero();
			assertThat(scrape.sum("dependency_check_seconds_count", "dependency", "payments", "outcome", "timeout"))
				.isGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void livenessStaysUpAndReadinessFollowsOnlyCriticalDependencies() throws Exception {
		try (HangingServer payments = new HangingServer(); HangingServer search = new HangingServer();
				RunningApp app = start(payments, search, "--observability.health.datasource.critical=false")) {
			Http http = app.http();
			HttpResponse<String> liveness = http.get("/actuator/health/liveness");
			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(liveness.body()).contains("\"UP\"");
			assertThat(http.get("/actuator/health/readiness").statusCode()).as("payments is critical").isEqualTo(503);
		}
		try (HangingServer payments = new HangingServer(); HangingServer search = new HangingServer();
				RunningApp app = RunningApp.start("--observability.health.timeout=500ms",
						"--observability.health.http.search.url=" + search.url())) {
			assertThat(app.http().get("/actuator/health/readiness").statusCode()).as("search is not critical")
				.isEqualTo(200);
		}
	}

	@Test
	void anonymousCallersSeeNoDetails() throws Exception {
		try (HangingServer payments = new HangingServer(); HangingServer search = new HangingServer();
				RunningApp app = start(payments, search)) {
			String body = app.http().get("/actuator/health").body();
			assertThat(body).doesNotContain("components", "details", "payments", "127.0.0.1");
		}
	}

}
