package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.JsonLines;
import dev.vantage.observability.testsupport.Scrape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's events and the request detectors, with no Vantage code in the app.
 */
class SecurityEventsTests {

	@TempDir
	Path directory;

	private RunningApp start() {
		return RunningApp.start("--observability.audit.file=" + this.directory.resolve("audit.json"));
	}

	private List<JsonNode> audit(String type) throws IOException {
		return JsonLines.lines(Files.readString(this.directory.resolve("audit.json")))
			.stream()
			.map(JsonLines::parse)
			.filter((event) -> event.path("type").asString().equals(type))
			.toList();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void loginsAndDenialsBecomeMetersAndAuditEvents() throws IOException {
		try (RunningApp app = start()) {
			Http http = app.http();
			assertThat(http.get("/admin/settings", "Authorization", basic("admin", "admin-pass")).statusCode())
				.isEqualTo(200);
			assertThat(http.get("/admin/settings", "Authorization", basic("admin", "wrong")).statusCode())
				.isEqualTo(401);
			assertThat(http.get("/admin/settings", "Authorization", basic("alice", "alice-pass")).statusCode())
				.isEqualTo(403);

			Scrape scrape = http.scrape();
			assertThat(scrape.sum("security_authentication_total", "outcome", "success", "reason", "none"))
				.isGreaterThanOrEqualTo(2);
			assertThat(scrape.sum("security_authentication_total", "outcome", "failure", "reason", "bad_credentials"))
				.isEqualTo(1);
			assertThat(scrape.sum("security_authentication_total", "outcome", "failure", "reason", "locked")).isZero();
			assertThat(scrape.sum("security_authorization_denied_total")).isEqualTo(1);

			JsonNode failure = audit("authentication.failure").get(0);
			assertThat(failure.path("principal").asString()).isEqualTo("admin");
			assertThat(failure.path("clientIp").asString()).isEqualTo("127.0.0.1");
			assertThat(failure.path("reason").asString()).isEqualTo("bad_credentials");
			JsonNode denied = audit("authorization.denied").get(0);
			assertThat(denied.path("principal").asString()).isEqualTo("alice");
			assertThat(denied.path("resource").asString()).isEqualTo("GET /admin/settings");
			assertThat(scrape.text()).doesNotContain("127.0.0.1", "alice");
		}
	}

	@Test
	void sixFailedLoginsForOnePrincipalAreBruteForceOnce() throws IOException {
		try (RunningApp app = start()) {
			Http http = app.http();
			for (int i = 0; i < 8; i++) {
				http.get("/admin/settings", "Authorization", basic("admin", "guess-" + i));
			}
			assertThat(http.scrape().sum("security_suspicious_activity_total", "type", "brute_force", "severity", "high"))
				.isEqualTo(1);
			List<JsonNode> detections = audit("security.brute_force");
			assertThat(detections).hasSize(1);
			assertThat(detections.get(0).path("principal").asString()).isEqualTo("admin");
		}
	}

	@Test
	void suspiciousRequestsAreReportedButNeverBlocked() throws IOException {
		try (RunningApp app = start()) {
			Http http = app.http();
			assertThat(http.get("/orders/1?note=%27%20OR%20%271%27%3D%271").statusCode()).isEqualTo(200);
			assertThat(http.get("/orders/2?file=..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(200);
			Scrape scrape = http.scrape();
			assertThat(scrape.sum("security_suspicious_activity_total", "type", "injection_attempt")).isEqualTo(1);
			assertThat(scrape.sum("security_suspicious_activity_total", "type", "path_traversal")).isEqualTo(1);
			JsonNode event = audit("security.suspicious_request").get(0);
			assertThat(event.path("reason").asString()).isEqualTo("sql_injection");
			assertThat(event.path("clientIp").asString()).isEqualTo("127.0.0.1");
		}
	}

	@Test
	void ordinaryTrafficIsNotSuspicious() {
		try (RunningApp app = start()) {
			Http http = app.http();
			for (String path : List.of("/orders/1042", "/orders/7?sort=price-desc&page=2", "/orders/8?q=O%27Reilly",
					"/orders/9?q=men%27s+shoes", "/log?text=hello+world", "/async", "/actuator/health")) {
				http.get(path, "X-Tenant-Id", "acme");
			}
			assertThat(http.scrape().sum("security_suspicious_activity_total")).isZero();
		}
	}

}
