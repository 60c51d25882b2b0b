package dev.vantage.observability.reactive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every test of the reactive service shares: an audit file of its own, and the check
 * that Vantage never made a blocking call on a non-blocking thread while it ran.
 */
abstract class ReactiveAppTests {

	@TempDir
	Path logs;

	@AfterEach
	void vantageNeverBlockedAnEventLoop() {
		assertThat(VantageBlockingCalls.drain()).isEmpty();
	}

	/** Starts the service writing its audit log into this test's directory. */
	ReactiveApp start(String... args) {
		List<String> all = new ArrayList<>(List.of("--observability.audit.file=" + audit(),
				"--spring.application.name=reactive-shop", "--management.tracing.sampling.probability=1.0"));
		all.addAll(List.of(args));
		return ReactiveApp.start(all.toArray(String[]::new));
	}

	Path audit() {
		return this.logs.resolve("audit.json");
	}

}
