package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.EmbeddedPostgresServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The test JVM's real PostgreSQL server as Spring properties.
 */
public final class EmbeddedPostgres {

	private EmbeddedPostgres() {
	}

	/** Points {@code spring.datasource} at the server. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EmbeddedPostgresServer.get().getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

}
