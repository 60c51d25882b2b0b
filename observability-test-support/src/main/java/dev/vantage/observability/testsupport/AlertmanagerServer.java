package dev.vantage.observability.testsupport;

import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Alertmanager (the Debian {@code prometheus-alertmanager} binary) on a free loopback
 * port, without clustering.
 */
public final class AlertmanagerServer extends ExternalServer {

	private static final JsonMapper json = JsonMapper.builder().build();

	private AlertmanagerServer(Path directory) {
		super("prometheus-alertmanager", "prometheus-alertmanager", directory,
				List.of("--config.file=" + directory.resolve("alertmanager.yml"),
						"--storage.path=" + directory.resolve("data"), "--cluster.listen-address="));
	}

	/** Starts Alertmanager with a configuration; {@code %DIR%} stands for its own directory. */
	public static AlertmanagerServer start(String configuration) {
		return new AlertmanagerServer(directory("alertmanager", "alertmanager.yml", configuration));
	}

	/** Sends alerts as Prometheus does. */
	public void post(String alertsJson) {
		int status = http().postJson("/api/v2/alerts", alertsJson).statusCode();
		if (status != 200) {
			throw new IllegalStateException("Alertmanager refused the alerts: " + status);
		}
	}

	public JsonNode alerts() {
		return json.readTree(http().get("/api/v2/alerts").body());
	}

}
