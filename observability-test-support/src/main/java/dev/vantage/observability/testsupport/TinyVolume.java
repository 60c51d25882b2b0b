package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, tiny file system (tmpfs) mounted on a directory, for tests of what happens when a
 * volume fills: writes to it fail with {@code ENOSPC} as on a full disk. Mounting needs root;
 * without it the test is skipped, or fails under {@code CI=true}.
 */
public final class TinyVolume implements AutoCloseable {

	private final Path directory;

	private TinyVolume(Path directory) {
		this.directory = directory;
	}

	/**
	 * Mounts a tmpfs of the given size on a directory.
	 * @param directory an empty directory
	 * @param kilobytes the size of the volume
	 * @return the mounted volume
	 */
	public static TinyVolume mount(Path directory, int kilobytes) {
		String failure = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs",
				directory.toString()));
		if (failure != null) {
			String reason = "A tmpfs could not be mounted on " + directory + " (mounting needs root): " + failure;
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(reason + " (CI=true requires it)");
			}
			Assumptions.abort(reason);
		}
		return new TinyVolume(directory);
	}

	/**
	 * Returns a path on the volume.
	 * @param name the file's name
	 * @return the path
	 */
	public Path resolve(String name) {
		return this.directory.resolve(name);
	}

	/**
	 * Writes a file of the given size, taking that much of the volume's space.
	 * @param name the file's name
	 * @param bytes its size
	 * @return the file
	 */
	public Path fill(String name, int bytes) {
		try {
			return Files.write(resolve(name), new byte[bytes]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Unmounts the volume, lazily: a file Logback still holds open must not keep it busy. */
	@Override
	public void close() {
		String failure = run(List.of("umount", "--lazy", this.directory.toString()));
		if (failure != null) {
			throw new IllegalStateException("Could not unmount " + this.directory + ": " + failure);
		}
	}

	/** Runs a command; returns {@code null} when it succeeded, else what went wrong. */
	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return String.join(" ", command) + " did not finish within 30 s";
			}
			String output = new String(process.getInputStream().readAllBytes()).strip();
			return (process.exitValue() == 0) ? null : String.join(" ", command) + " exited " + process.exitValue()
					+ ": " + output;
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex.toString();
		}
	}

}
