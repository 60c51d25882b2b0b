package dev.vantage.observability.testsupport;

import java.time.Duration;
import java.util.List;

import dev.vantage.observability.testsupport.OutsideInSuite.Service;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outside-in checks, part of {@link OutsideInSuite}: Logins, denials, brute force and suspicious requests as meters and audit events.
 */
public interface SecurityChecks extends OutsideInService {

	@Test
	default void loginsAndDenialsBecomeMetersAndAuditEvents() {
		try (Service app = start()) {
			Http http = app.http();
			assertThat(http.get("/admin/settings", "Authorization", OutsideInService.basic("admin", "admin-pass")).statusCode())
				.isEqualTo(200);
			assertThat(http.get("/admin/settings", "Authorization", OutsideInService.basic("admin", "wrong")).statusCode())
				.isEqualTo(401);
			for (int i = 0; i < 2; i++) {
				assertThat(http.get("/admin/settings", "Authorization", OutsideInService.basic("alice", "alice-pass")).statusCode())
					.isEqualTo(403);
			}
			await("security meters").atMost(Duration.ofSeconds(10))
				.until(() -> http.scrape().sum("security_authorization_denied_total") >= 2);
			Scrape scrape = http.scrape();
			assertThat(scrape.sum("security_authentication_total", "outcome", "success", "reason", "none")).isEqualTo(3);
			assertThat(scrape.sum("security_authentication_total", "outcome", "failure", "reason", "bad_credentials"))
				.isEqualTo(1);
			assertThat(scrape.sum("security_authentication_total", "outcome", "failure", "reason", "locked")).isZero();
			assertThat(scrape.sum("security_authorization_denied_total")).isEqualTo(2);
			assertThat(scrape.text()).doesNotContain("127.0.0.1", "alice");

			JsonNode failure = auditEvents("authentication.failure", 1).get(0);
			assertThat(failure.path("principal").asString()).isEqualTo("admin");
			assertThat(failure.path("clientIp").asString()).isEqualTo("127.0.0.1");
			assertThat(failure.path("reason").asString()).isEqualTo("bad_credentials");
			assertThat(auditEvents("authorization.denied", 2)).hasSize(2).allSatisfy((denied) -> {
				assertThat(denied.path("principal").asString()).isEqualTo("alice");
				assertThat(denied.path("resource").asString()).isEqualTo("GET /admin/settings");
			});
			assertThat(auditEvents("authentication.success", 2)).as("one success per principal and interval")
				.extracting((event) -> event.path("principal").asString())
				.containsExactlyInAnyOrder("admin", "alice");
		}
	}

	@Test
	default void sixFailedLoginsForOnePrincipalAreBruteForceOnce() {
		try (Service app = start()) {
			Http http = app.http();
			for (int i = 0; i < 8; i++) {
				assertThat(http.get("/admin/settings", "Authorization", OutsideInService.basic("admin", "guess-" + i)).statusCode())
					.isEqualTo(401);
			}
			await("the brute-force detection").atMost(Duration.ofSeconds(10))
				.until(() -> http.scrape().sum("security_suspicious_activity_total", "type", "brute_force") > 0);
			assertThat(http.scrape().sum("security_suspicious_activity_total", "type", "brute_force", "severity", "high"))
				.isEqualTo(1);
			List<JsonNode> detections = auditEvents("security.brute_force", 1);
			assertThat(detections).hasSize(1);
			assertThat(detections.get(0).path("principal").asString()).isEqualTo("admin");
		}
	}

	@Test
	default void suspiciousRequestsAreReportedButNeverBlocked() {
		try (Service app = start()) {
			Http http = app.http();
			assertThat(http.get("/orders/1?note=%27%20OR%20%271%27%3D%271").statusCode()).isEqualTo(200);
			assertThat(http.get("/orders/2?file=..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(200);
			Scrape scrape = http.scrape();
			assertThat(scrape.sum("security_suspicious_activity_total", "type", "injection_attempt")).isEqualTo(1);
			assertThat(scrape.sum("security_suspicious_activity_total", "type", "path_traversal")).isEqualTo(1);
			JsonNode event = auditEvents("security.suspicious_request", 1).get(0);
			assertThat(event.path("reason").asString()).isEqualTo("sql_injection");
			assertThat(event.path("clientIp").asString()).isEqualTo("127.0.0.1");
		}
	}

	@Test
	default void ordinaryTrafficIsNotSuspicious() {
		try (Service app = start()) {
			Http http = app.http();
			for (String path : List.of("/orders/1042", "/orders/7?sort=price-desc&page=2", "/orders/8?q=O%27Reilly",
					"/orders/9?q=men%27s+shoes", "/log?text=hello+world", "/actuator/health/liveness")) {
				assertThat(http.get(path, "X-Tenant-Id", "acme").statusCode()).as(path).isEqualTo(200);
			}
			assertThat(http.scrape().sum("security_suspicious_activity_total")).isZero();
		}
	}

}
