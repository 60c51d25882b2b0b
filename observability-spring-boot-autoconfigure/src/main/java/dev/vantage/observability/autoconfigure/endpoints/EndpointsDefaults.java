package dev.vantage.observability.autoconfigure.endpoints;

import java.util.Map;

import dev.vantage.observability.autoconfigure.support.VantageDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Actuator closed by default: only health, info and prometheus over HTTP, health details
 * only when authorized, and the Kubernetes probe groups.
 */
public class EndpointsDefaults extends VantageDefaults {

	public EndpointsDefaults() {
		super("endpoints", ORDER + 2);
	}

	@Override
	protected void contribute(ConfigurableEnvironment environment, SpringApplication application,
			Map<String, Object> defaults) {
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.show-details", "when-authorized");
		defaults.put("management.endpoint.health.probes.enabled", "true");
	}

}
