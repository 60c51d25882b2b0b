package dev.vantage.observability.autoconfigure.endpoints;

import java.util.Map;

import dev.vantage.observability.autoconfigure.support.VantageDefaults;

/**
 * Actuator closed by default: only health, info and prometheus over HTTP, health details
 * only when authorized, and the Kubernetes probe groups.
 */
public class EndpointsDefaults extends VantageDefaults {

	public EndpointsDefaults() {
		super("endpoints", ORDER + 2, Map.of("management.endpoints.web.exposure.include",
				"health,info,prometheus", "management.endpoint.health.show-details", "when-authorized",
				"management.endpoint.health.probes.enabled", "true"));
	}

}
