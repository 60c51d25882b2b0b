package dev.vantage.observability.autoconfigure.endpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Looks once at startup for sensitive actuator endpoints that anyone can reach over HTTP: the
 * application's choice wins, but it is told, with the property and the fix; optionally it
 * stops startup. Also warns when health details are shown to everyone.
 */
final class InsecureExposureCheck implements SmartInitializingSingleton {

	/** Endpoints that hand out configuration, secrets, heap, control, or the versions an attacker looks for. */
	static final List<String> SENSITIVE = List.of("env", "configprops", "threaddump", "heapdump", "loggers", "beans",
			"mappings", "shutdown", "vantage", "slo");

	static final String INCLUDE = "management.endpoints.web.exposure.include";

	private static final String EXCLUDE = "management.endpoints.web.exposure.exclude";

	private static final String SHOW_DETAILS = "management.endpoint.health.show-details";

	private static final Log logger = LogFactory.getLog(InsecureExposureCheck.class);

	private final Environment environment;

	private final AnonymousAccess openToAnyone;

	private final boolean fail;

	/**
	 * Creates the check.
	 * @param environment where the exposure settings are
	 * @param openToAnyone tells whether an anonymous caller may reach a path
	 * @param fail whether an open sensitive endpoint stops startup
	 */
	InsecureExposureCheck(Environment environment, AnonymousAccess openToAnyone, boolean fail) {
		this.environment = environment;
		this.openToAnyone = openToAnyone;
		this.fail = fail;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> open = openSensitiveEndpoints();
		if (!open.isEmpty()) {
			String message = "Actuator endpoints " + open + " are exposed over HTTP (" + INCLUDE + ") and reachable "
					+ "without authentication. Remove them from " + INCLUDE + ", or protect the actuator path with "
					+ "Spring Security.";
			if (this.fail) {
				throw new IllegalStateException(message + " Startup stopped because "
						+ EndpointsProperties.PREFIX + ".fail-on-insecure-exposure is true.");
			}
			logger.warn(message);
		}
		if ("always".equalsIgnoreCase(this.environment.getProperty(SHOW_DETAILS, ""))) {
			logger.warn(SHOW_DETAILS + " is 'always': dependency names, URLs and errors are shown to every caller. "
					+ "Use 'when-authorized'.");
		}
	}

	List<String> openSensitiveEndpoints() {
		Binder binder = Binder.get(this.environment);
		Set<String> include = binder.bind(INCLUDE, Bindable.setOf(String.class)).orElse(Set.of());
		Set<String> exclude = binder.bind(EXCLUDE, Bindable.setOf(String.class)).orElse(Set.of());
		String basePath = this.environment.getProperty("management.endpoints.web.base-path", "/actuator");
		List<String> open = new ArrayList<>();
		for (String endpoint : SENSITIVE) {
			boolean exposed = (include.contains("*") || include.contains(endpoint)) && !exclude.contains(endpoint)
					&& !exclude.contains("*");
			if (exposed && this.openToAnyone.allows(basePath + "/" + endpoint)) {
				open.add(endpoint);
			}
		}
		return open;
	}

}
