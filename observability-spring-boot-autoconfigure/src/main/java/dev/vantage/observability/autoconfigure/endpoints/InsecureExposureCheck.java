package dev.vantage.observability.autoconfigure.endpoints;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.vantage.observability.support.ObserverFailures;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.core.env.Environment;

/**
 * Looks once at startup for sensitive actuator endpoints that anyone can reach over HTTP: the
 * application's choice wins, but it is told, with the property and the fix; optionally it
 * stops startup. Also warns when health details are shown to everyone. What is exposed and
 * where is Boot's answer ({@link PathMappedEndpoints}: exposure, access, path mapping, base
 * path; the management server's port and base path), never re-derived from properties. The
 * check only observes: a failure of its own is logged once, counted and skipped.
 */
final class InsecureExposureCheck implements SmartInitializingSingleton {

	/** Endpoints that hand out configuration, secrets, heap, control, or the versions an attacker looks for. */
	static final List<String> SENSITIVE = List.of("env", "configprops", "threaddump", "heapdump", "loggers", "beans",
			"mappings", "shutdown", "vantage", "slo", "errors");

	/** The endpoint that shows business data: tenants, revenue and orders per tenant, routes, exceptions, build. */
	static final String PROMETHEUS = "prometheus";

	static final String INCLUDE = "management.endpoints.web.exposure.include";

	private static final String SHOW_DETAILS = "management.endpoint.health.show-details";

	private static final String COMPONENT = "insecure exposure check";

	private static final Log logger = LogFactory.getLog(InsecureExposureCheck.class);

	private final Environment environment;

	private final ObjectProvider<PathMappedEndpoints> endpoints;

	private final ObjectProvider<ManagementServerProperties> managementServer;

	private final AnonymousAccess openToAnyone;

	private final ObserverFailures failures;

	private final boolean fail;

	/**
	 * Creates the check.
	 * @param environment where the management port and health settings are
	 * @param endpoints Boot's endpoints exposed over HTTP, with their paths
	 * @param managementServer Boot's management server settings (its own base path)
	 * @param openToAnyone tells whether an anonymous caller may reach a path
	 * @param failures the guard of the check
	 * @param fail whether an open sensitive endpoint stops startup
	 */
	InsecureExposureCheck(Environment environment, ObjectProvider<PathMappedEndpoints> endpoints,
			ObjectProvider<ManagementServerProperties> managementServer, AnonymousAccess openToAnyone,
			ObserverFailures failures, boolean fail) {
		this.environment = environment;
		this.endpoints = endpoints;
		this.managementServer = managementServer;
		this.openToAnyone = openToAnyone;
		this.failures = failures;
		this.fail = fail;
		failures.declare(COMPONENT);
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> open = this.failures.call(COMPONENT, this::openSensitiveEndpoints, List.of());
		if (!open.isEmpty()) {
			String message = "Actuator endpoints " + open + " are exposed over HTTP (" + INCLUDE + ") and reachable "
					+ "without authentication. Remove them from " + INCLUDE + ", or protect the actuator path with "
					+ "Spring Security.";
			if (this.fail) {
				throw new IllegalStateException(message + " Startup stopped because "
						+ VantageEndpointsProperties.PREFIX + ".fail-on-insecure-exposure is true.");
			}
			logger.warn(message);
		}
		if (this.failures.call(COMPONENT, this::prometheusOpenOnTheApplicationPort, false)) {
			logger.warn("The prometheus endpoint is reachable without authentication on the application's port: it "
					+ "shows tenant ids, revenue and orders per tenant, routes, exception names and the build commit "
					+ "to anyone. Serve the actuator on a port only the scraper reaches (management.server.port), "
					+ "or give the scraper credentials of its own with Spring Security.");
		}
		if ("always".equalsIgnoreCase(this.environment.getProperty(SHOW_DETAILS, ""))) {
			logger.warn(SHOW_DETAILS + " is 'always': dependency names, URLs and errors are shown to every caller. "
					+ "Use 'when-authorized'.");
		}
	}

	/** The sensitive endpoints exposed over HTTP, with the paths anyone may call. */
	List<String> openSensitiveEndpoints() {
		PathMappedEndpoints exposed = this.endpoints.getIfAvailable();
		ManagementPortType port = ManagementPortType.get(this.environment);
		if (exposed == null || port == ManagementPortType.DISABLED) {
			return List.of();
		}
		String prefix = (port == ManagementPortType.DIFFERENT) ? managementBasePath() : "";
		List<String> open = new ArrayList<>();
		for (String endpoint : SENSITIVE) {
			EndpointId id = EndpointId.of(endpoint);
			if (exposed.getEndpoint(id) == null) {
				continue;
			}
			String path = prefix + exposed.getPath(id);
			// A rule this check cannot evaluate outside a request proves nothing either way.
			if (this.failures.call(COMPONENT, () -> this.openToAnyone.allows(path), false)) {
				open.add(endpoint);
			}
		}
		return open;
	}

	/** Whether anyone may scrape on the application's own port (a separate management port is the fix). */
	boolean prometheusOpenOnTheApplicationPort() {
		PathMappedEndpoints exposed = this.endpoints.getIfAvailable();
		EndpointId id = EndpointId.of(PROMETHEUS);
		if (exposed == null || exposed.getEndpoint(id) == null
				|| ManagementPortType.get(this.environment) != ManagementPortType.SAME) {
			return false;
		}
		try {
			return this.openToAnyone.allows(exposed.getPath(id));
		}
		catch (RuntimeException ex) {
			// A rule Spring Security cannot evaluate outside a request (a dispatcher type matcher)
			// proves nothing either way; the scrape endpoint is exposed by default, so this is common.
			logger.debug("Could not tell whether the prometheus endpoint is open to anyone", ex);
			return false;
		}
	}

	private String managementBasePath() {
		ManagementServerProperties properties = this.managementServer.getIfAvailable();
		String basePath = (properties != null) ? properties.getBasePath() : null;
		return (basePath == null || basePath.equals("/")) ? "" : basePath;
	}

}
