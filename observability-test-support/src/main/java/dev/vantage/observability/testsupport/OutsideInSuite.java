package dev.vantage.observability.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The outside-in checks every supported web stack passes word for word: one suite, run
 * against the servlet test service and against the reactive one. Each of them has no Vantage
 * code and serves the same routes:
 * <ul>
 * <li>{@code GET /orders/{id}}: 200, or 404 for the id {@code missing};</li>
 * <li>{@code GET /log?text=}: logs {@code request says <text>} and answers with the name of
 * the thread that logged it;</li>
 * <li>{@code GET /sql?statement=}: runs one statement on the service's database and answers
 * with the first column of each row;</li>
 * <li>{@code GET /admin/settings}: admins only, over HTTP Basic ({@code admin/admin-pass};
 * {@code alice/alice-pass} is a plain user).</li>
 * </ul>
 * Everything but {@code /admin/**} is open to anyone. The checks are grouped by concern in the
 * interfaces this class implements.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class OutsideInSuite implements LoggingChecks, ExposureChecks, RumChecks, ObjectiveAndHealthChecks,
		SecurityChecks {

	@TempDir
	protected Path logs;

	/** A started service under test. */
	public interface Service extends AutoCloseable {

		int port();

		default Http http() {
			return new Http(port());
		}

		@Override
		void close();

	}

	/** Starts the service on a free port with these arguments added. */
	protected abstract Service launch(String... args);

	@Override
	public Service start(String... args) {
		List<String> all = new ArrayList<>(List.of("--observability.audit.file=" + audit(),
				"--spring.application.name=" + SERVICE, "--management.tracing.sampling.probability=1.0"));
		all.addAll(List.of(args));
		return launch(all.toArray(String[]::new));
	}

	@Override
	public Path audit() {
		return this.logs.resolve("audit.json");
	}

}
