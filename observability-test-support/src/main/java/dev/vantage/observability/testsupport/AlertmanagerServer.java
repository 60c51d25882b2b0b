package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Alertmanager (the Debian {@code prometheus-alertmanager} binary) on a free loopback
 * port, without clustering.
 */
public final class AlertmanagerServer implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final Path directory;

	private final Http http;

	private AlertmanagerServer(Process process, Path directory, int port) {
		this.process = process;
		this.directory = directory;
		this.http = new Http(port);
	}

	/** Starts Alertmanager with a configuration; {@code %DIR%} stands for its own directory. */
	public static AlertmanagerServer start(String configuration) {
		Path binary = ExternalBinary.require("prometheus-alertmanager", "prometheus-alertmanager");
		try {
			Path directory = Files.createTempDirectory("vantage-alertmanager");
			Path config = directory.resolve("alertmanager.yml");
			Files.writeString(config, configuration.replace("%DIR%", directory.toString()));
			int port = PrometheusServer.freePort();
			Process process = new ProcessBuilder(List.of(binary.toString(), "--config.file=" + config,
					"--storage.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
					"--cluster.listen-address="))
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("alertmanager.log").toFile())
				.start();
			AlertmanagerServer server = new AlertmanagerServer(process, directory, port);
			Eventually.await(Duration.ofSeconds(20), "Alertmanager to be ready", server::isReady);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean isReady() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("Alertmanager exited: " + log());
		}
		try {
			return this.http.get("/-/ready").statusCode() == 200;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	public int port() {
		return this.http.port();
	}

	/** Sends alerts as Prometheus does. */
	public void post(String alertsJson) {
		int status = this.http.postJson("/api/v2/alerts", alertsJson).statusCode();
		if (status != 200) {
			throw new IllegalStateException("Alertmanager refused the alerts: " + status);
		}
	}

	public JsonNode alerts() {
		return json.readTree(this.http.get("/api/v2/alerts").body());
	}

	public String log() {
		try {
			return Files.readString(this.directory.resolve("alertmanager.log"));
		}
		catch (IOException ex) {
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
