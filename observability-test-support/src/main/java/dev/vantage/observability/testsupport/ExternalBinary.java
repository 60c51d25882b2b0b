package dev.vantage.observability.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
	 * Runs a command to completion and fails the test, with its output, unless it exits 0
	 * within two minutes.
	 * @param command the command and its arguments
	 * @return what it printed, standard output and error together
	 */
	public static String run(String... command) {
		return run(Duration.ofMinutes(2), command);
	}

	/**
	 * Runs a command to completion and fails the test, with its output, unless it exits 0
	 * within the timeout. The output goes to a file while it runs, so a command that hangs
	 * with its output open still times out.
	 * @param timeout how long it may run
	 * @param command the command and its arguments
	 * @return what it printed, standard output and error together
	 */
	public static String run(Duration timeout, String... command) {
		Path output = null;
		try {
			output = Files.createTempFile("external-binary", ".out");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!finished) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			String printed = Files.readString(output);
			if (!finished) {
				Assertions.fail(String.join(" ", command) + " did not finish within " + timeout + "\n" + printed);
			}
			if (process.exitValue() != 0) {
				Assertions.fail(String.join(" ", command) + " exited " + process.exitValue() + "\n" + printed);
			}
			return printed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			if (output != null) {
				output.toFile().delete();
			}
		}
	}

	/**
	 * Finds a binary on the PATH; without it the test is skipped, or fails under {@code CI=true}.
	 * @param name the binary's name
	 * @param debianPackage the package that installs it, for the reason
	 * @return its path
	 */
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
