package dev.vantage.observability.reactive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.vantage.observability.testsupport.Eventually;
import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.JsonLines;
import dev.vantage.observability.testsupport.Scrape;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reactive Spring Security with HTTP Basic publishes no events; the starter still counts
 * and audits authentications, failures by reason, brute force and denials, as on servlet.
 */
class ReactiveSecurityTests extends ReactiveAppTests {


	@Test
	void authenticationsFailuresBruteForceAndDenialsAreCountedAndAudited() throws Exception {
		try (ReactiveApp app = start()) {
			Http http = app.http();
			for (int i = 0; i < 6; i++) {
				assertThat(http.get("/admin/settings", "Authorization", basic("alice", "wrong")).statusCode())
					.isEqualTo(401);
			}
			for (int i = 0; i < 3; i++) {
				assertThat(http.get("/admin/settings", "Authorization", basic("alice", "alice-pass")).statusCode())
					.isEqualTo(403);
			}
			assertThat(http.get("/admin/settings", "Authorization", basic("admin", "admin-pass")).statusCode())
				.isEqualTo(200);
			Eventually.await(Duration.ofSeconds(10), "security meters",
					() -> http.scrape().sum("security_authorization_denied_total") >= 3);
			Scrape scrape = http.scrape();
			assertThat(scrape.sum("security_authentication_total", "outcome", "failure", "reason", "bad_credentials"))
				.isEqualTo(6);
			assertThat(scrape.sum("security_authentication_total", "outcome", "success")).isEqualTo(4);
			assertThat(scrape.sum("security_suspicious_activity_total", "type", "brute_force")).isEqualTo(1);
			List<JsonNode> events = auditEvents(audit());
			assertThat(events).filteredOn((event) -> event.path("type").asString().equals("authentication.failure"))
				.hasSize(6)
				.allSatisfy((event) -> {
					assertThat(event.path("principal").asString()).isEqualTo("alice");
					assertThat(event.path("clientIp").asString()).isEqualTo("127.0.0.1");
					assertThat(event.path("reason").asString()).isEqualTo("bad_credentials");
				});
			assertThat(events).filteredOn((event) -> event.path("type").asString().equals("authentication.success"))
				.extracting((event) -> event.path("principal").asString())
				.containsExactlyInAnyOrder("alice", "admin");
			assertThat(events).filteredOn((event) -> event.path("type").asString().equals("authorization.denied"))
				.anySatisfy((event) -> assertThat(event.path("resource").asString()).isEqualTo("GET /admin/settings"));
			assertThat(events).anySatisfy(
					(event) -> assertThat(event.path("type").asString()).isEqualTo("security.brute_force"));
		}
	}

	private static List<JsonNode> auditEvents(Path audit) throws IOException {
		return Files.readAllLines(audit).stream().map(JsonLines::parse).toList();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
