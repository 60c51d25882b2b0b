package dev.vantage.observability.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a system binary a test needs (from a Debian package). Without it the test is
 * skipped with the reason, except under {@code CI=true}, where it fails.
 */
public final class ExternalBinary {

	private ExternalBinary() {
	}

	/**
	 * Runs a command to completion and fails the test, with its output, unless it exits 0.
	 * @param command the command and its arguments
	 * @return what it printed, standard output and error together
	 */
	public static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				Assertions.fail(String.join(" ", command) + " did not finish within 120 s");
			}
			if (process.exitValue() != 0) {
				Assertions.fail(String.join(" ", command) + " exited " + process.exitValue() + "\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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
