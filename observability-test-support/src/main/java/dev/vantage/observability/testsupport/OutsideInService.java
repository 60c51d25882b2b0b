package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.vantage.observability.testsupport.OutsideInSuite.Service;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * What the outside-in checks need of the service under test; {@link OutsideInSuite}
 * implements it for each web stack.
 */
public interface OutsideInService {

	/** The trace the checks send in {@code traceparent} headers. */
	String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	/** The {@code spring.application.name} the service is started with. */
	String SERVICE = "outside-in";

	/** Starts the service with its audit log in this test's directory and every request traced. */
	Service start(String... args);

	/**
	 * Starts a plain service of this stack (no routes of its own) on a free port with these
	 * arguments added and Spring Security hidden from its class loader.
	 */
	Service launchWithoutSpringSecurity(String... args);

	/** The bean name of the service's database: its {@code datasource} tag and dependency name. */
	String database();

	/** The audit log of the service. */
	Path audit();

	/** What the stack promises about the thread a handler logged on; nothing by default. */
	default void assertLoggingThread(String thread) {
	}

	/** The audit events of this type, once there are at least this many (some are written off the request). */
	default List<JsonNode> auditEvents(String type, int atLeast) {
		await(atLeast + " audit events " + type).atMost(Duration.ofSeconds(10))
			.until(() -> auditEvents(type).size() >= atLeast);
		return auditEvents(type);
	}

	private List<JsonNode> auditEvents(String type) {
		try {
			return Files.exists(audit()) ? Files.readAllLines(audit())
				.stream()
				.map(JsonLines::parse)
				.filter((event) -> event.path("type").asString().equals(type))
				.toList() : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An HTTP Basic {@code Authorization} header. */
	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
