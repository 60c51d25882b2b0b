package dev.vantage.observability.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Prometheus blackbox exporter (the Debian {@code prometheus-blackbox-exporter} binary) on
 * a free loopback port, with a module configuration of the caller's.
 */
public final class BlackboxExporterServer extends ExternalServer {

	private BlackboxExporterServer(Path directory) {
		super("prometheus-blackbox-exporter", "prometheus-blackbox-exporter", directory,
				List.of("--config.file=" + directory.resolve("blackbox.yml")), "--web.listen-address=", "/-/healthy");
	}

	/** Starts the exporter with a configuration; {@code %DIR%} stands for its own directory. */
	public static BlackboxExporterServer start(String configuration) {
		return new BlackboxExporterServer(directory("blackbox", "blackbox.yml", configuration));
	}

	/**
	 * Probes a target as Prometheus asks the exporter to.
	 * @param module the module
	 * @param target the URL to probe
	 * @return the probe's metrics, in the text format
	 */
	public String probe(String module, String target) {
		return http().get("/probe?module=" + module + "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8))
			.body();
	}

}
