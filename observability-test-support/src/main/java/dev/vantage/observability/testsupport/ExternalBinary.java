package dev.vantage.observability.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a system binary a test needs (from a Debian package). Without it the test is
 * skipped with the reason, except under {@code CI=true}, where it fails.
 */
public final class ExternalBinary {

	private ExternalBinary() {
	}

	public static Path require(String name, String debianPackage) {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				Path candidate = Path.of(directory, name);
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		String reason = "'" + name + "' is not on the PATH; install the Debian package '" + debianPackage
				+ "' (.ci/run does) to run this test";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			return Assertions.fail(reason + " (CI=true requires it)");
		}
		Assumptions.abort(reason);
		throw new IllegalStateException(reason);
	}

}
