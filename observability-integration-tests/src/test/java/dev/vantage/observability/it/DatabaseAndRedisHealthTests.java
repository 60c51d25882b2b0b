package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real PostgreSQL and Redis servers that go away mid-test and come back.
 */
class DatabaseAndRedisHealthTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dataDirectory;

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static JsonNode component(Http http, String name) {
		return json.readTree(http.get("/actuator/health").body())
			.path("components")
			.path("dependencies")
			.path("components")
			.path(name);
	}

	private static void awaitStatus(Http http, String name, String status) {
		await(name + " " + status).atMost(Duration.ofSeconds(20))
			.until(() -> status.equals(component(http, name).path("status").asString()));
	}

	@Test
	void postgresGoesDownAndComesBack() throws IOException {
		int port = freePort();
		EmbeddedPostgres postgres = startPostgres(port);
		try (RunningApp app = RunningApp.start("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.hikari.connection-timeout=1000",
				"--observability.health.cache-ttl=0s", "--observability.health.timeout=1s", "--management.endpoint.health.show-details=always")) {
			Http http = app.http();
			JsonNode up = component(http, "dataSource");
			assertThat(up.path("status").asString()).isEqualTo("UP");
			assertThat(up.path("details").has("latencyMs")).isTrue();
			assertThat(http.scrape().sum("dependency_up", "dependency", "dataSource")).isEqualTo(1);

			postgres.close();
			awaitStatus(http, "dataSource", "DOWN");
			JsonNode down = component(http, "dataSource");
			assertThat(down.path("details").path("error").asString()).isNotBlank().doesNotContain("password");
			assertThat(http.scrape().sum("dependency_up", "dependency", "dataSource")).isZero();
			assertThat(http.get("/actuator/health/readiness").statusCode()).as("dataSource is critical").isEqualTo(503);
			assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

			postgres = startPostgres(port);
			awaitStatus(http, "dataSource", "UP");
			assertThat(http.scrape().sum("dependency_up", "dependency", "dataSource")).isEqualTo(1);
		}
		finally {
			postgres.close();
		}
	}

	private EmbeddedPostgres startPostgres(int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(this.dataDirectory.resolve("pg"))
			.setCleanDataDirectory(false)
			.start();
	}

	@Test
	void redisGoesDownAndComesBack() throws IOException {
		int port = freePort();
		RedisServer redis = new RedisServer(port);
		redis.start();
		try (RunningApp app = RunningApp.start("--spring.data.redis.port=" + port, "--spring.data.redis.timeout=1s",
				"--observability.health.cache-ttl=0s", "--observability.health.timeout=1s", "--management.endpoint.health.show-details=always")) {
			Http http = app.http();
			awaitStatus(http, "redis", "UP");
			assertThat(http.scrape().sum("dependency_up", "dependency", "redis")).isEqualTo(1);

			redis.stop();
			awaitStatus(http, "redis", "DOWN");
			assertThat(component(http, "redis").path("details").path("error").asString()).isNotBlank();
			assertThat(http.scrape().sum("dependency_up", "dependency", "redis")).isZero();
			assertThat(http.get("/actuator/health/readiness").statusCode()).as("redis is not critical").isEqualTo(200);

			redis.start();
			awaitStatus(http, "redis", "UP");
			assertThat(http.scrape().sum("dependency_check_seconds_count", "dependency", "redis", "outcome", "up"))
				.isGreaterThanOrEqualTo(2);
		}
		finally {
			redis.stop();
		}
	}

}
