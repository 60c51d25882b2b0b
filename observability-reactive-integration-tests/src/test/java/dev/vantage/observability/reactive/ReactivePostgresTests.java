package dev.vantage.observability.reactive;


import dev.vantage.observability.testsupport.EmbeddedPostgresServer;
import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.JsonLines;
import dev.vantage.observability.testsupport.Scrape;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux service on a real PostgreSQL 18 through r2dbc-postgresql: statements timed by
 * operation and outcome, and the connection factory checked in the health endpoint.
 */
class ReactivePostgresTests extends ReactiveAppTests {


	@Test
	void statementsOnPostgresAreTimedAndTheDatabaseIsADependency() {
		int port = EmbeddedPostgresServer.get().getPort();
		try (ReactiveApp app = start(
				"--reactive.database.url=r2dbc:postgresql://postgres:postgres@127.0.0.1:" + port + "/postgres",
				"--management.endpoint.health.show-details=always")) {
			Http http = app.http();
			assertThat(http.get("/sql?statement=create%20table%20if%20not%20exists%20parcel%20(id%20int)").statusCode())
				.isEqualTo(200);
			assertThat(http.get("/sql?statement=insert%20into%20parcel%20values%20(7)").statusCode()).isEqualTo(200);
			assertThat(http.get("/sql?statement=update%20parcel%20set%20id%20%3D%208").statusCode()).isEqualTo(200);
			assertThat(http.get("/sql?statement=select%20count(*)%20from%20parcel").body()).isEqualTo("[1]");
			assertThat(http.get("/sql?statement=delete%20from%20nowhere").statusCode()).isEqualTo(500);
			Scrape scrape = http.scrape();
			for (String operation : new String[] { "insert", "update", "select" }) {
				assertThat(scrape.sum("db_query_seconds_count", "datasource", "connectionFactory", "operation", operation,
						"outcome", "success")).as(operation).isEqualTo(1);
			}
			assertThat(scrape.sum("db_query_seconds_count", "operation", "delete", "outcome", "error")).isEqualTo(1);
			JsonNode database = JsonLines.parse(http.get("/actuator/health").body()).path("components")
				.path("dependencies").path("components").path("connectionFactory");
			assertThat(database.path("status").asString()).isEqualTo("UP");
			assertThat(database.path("details").has("latencyMs")).isTrue();
		}
	}

}
