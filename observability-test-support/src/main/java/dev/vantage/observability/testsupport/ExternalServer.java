package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A server binary run for a test: its own temporary directory and log, a free loopback port,
 * ready when its readiness path ({@code /-/ready} for Prometheus's tools) answers 200, stopped
 * with SIGTERM.
 */
public abstract class ExternalServer implements AutoCloseable {

	private final Process process;

	private final Path directory;

	private final Http http;

	private final String readyPath;

	protected ExternalServer(String binary, String debianPackage, Path directory, List<String> arguments) {
		this(binary, debianPackage, directory, arguments, "--web.listen-address=", "/-/ready");
	}

	/**
	 * Starts a server binary.
	 * @param binary the executable's name
	 * @param debianPackage the package that installs it
	 * @param directory the server's own directory, where its log goes
	 * @param arguments its arguments, but the listen address
	 * @param listenFlag the flag that takes the listen address, {@code =} included
	 * @param readyPath the path that answers 200 once the server is ready
	 */
	protected ExternalServer(String binary, String debianPackage, Path directory, List<String> arguments,
			String listenFlag, String readyPath) {
		this.readyPath = readyPath;
		Path executable = ExternalBinary.require(binary, debianPackage);
		this.directory = directory;
		try {
			int port = PrometheusServer.freePort();
			List<String> command = new ArrayList<>(List.of(executable.toString()));
			command.addAll(arguments);
			command.add(listenFlag + "127.0.0.1:" + port);
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(directory.resolve(binary + ".log").toFile())
				.start();
			this.http = new Http(port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await(binary + " to be ready").atMost(Duration.ofSeconds(20)).until(this::isReady);
	}

	/** Creates a fresh directory for a server and writes its configuration file there. */
	protected static Path directory(String name, String configFile, String configuration) {
		return directory(name, Map.of(configFile, configuration));
	}

	/**
	 * Creates a fresh directory for a server and writes its files there; {@code %DIR%} in them
	 * stands for the directory.
	 */
	protected static Path directory(String name, Map<String, String> files) {
		try {
			Path directory = Files.createTempDirectory("vantage-" + name);
			for (Map.Entry<String, String> file : files.entrySet()) {
				Files.writeString(directory.resolve(file.getKey()), file.getValue().replace("%DIR%", directory.toString()));
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean isReady() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("Server exited: " + log());
		}
		try {
			return this.http.get(this.readyPath).statusCode() == 200;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	protected Http http() {
		return this.http;
	}

	protected Path directory() {
		return this.directory;
	}

	public int port() {
		return this.http.port();
	}

	public String log() {
		try (var files = Files.list(this.directory)) {
			Path log = files.filter((file) -> file.toString().endsWith(".log")).findFirst().orElseThrow();
			return Files.readString(log);
		}
		catch (IOException | RuntimeException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
