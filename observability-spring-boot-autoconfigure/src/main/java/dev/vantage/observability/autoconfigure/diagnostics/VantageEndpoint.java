package dev.vantage.observability.autoconfigure.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/vantage}: what Vantage wired and why, with the versions of Vantage, Boot,
 * Micrometer and OpenTelemetry; what a bug report needs. Exposed only when the application
 * adds it to {@code management.endpoints.web.exposure.include}, and then protected as the
 * application protects its other actuator endpoints.
 */
@Endpoint(id = "vantage")
public class VantageEndpoint {

	private final VantageReport report;

	VantageEndpoint(VantageReport report) {
		this.report = report;
	}

	@ReadOperation
	public Map<String, Object> vantage() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("versions", this.report.versions());
		body.put("concerns", this.report.concerns());
		return body;
	}

}
