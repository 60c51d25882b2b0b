package dev.vantage.observability.slo;

import java.util.List;
import java.util.StringJoiner;

/**
 * Which requests an objective counts, by Boot's {@code uri} and {@code method} tags: one
 * definition for the PromQL selectors of the generated rules and for the process-local
 * status, so that both count the same requests.
 */
final class RequestFilter {

	/** Requests under it never count unless an objective names them: health probes and scrapes. */
	static final String ACTUATOR = "/actuator";

	private static final String ANY_BELOW = "/**";

	private static final String REGEX_METACHARACTERS = "\\.+*?()|[]{}^$";

	private final List<String> routes;

	private final List<String> methods;

	RequestFilter(ServiceLevelObjective slo) {
		this.routes = slo.routes();
		this.methods = slo.methods();
	}

	boolean counts(String uri, String method) {
		return countsRoute(uri) && (this.methods.isEmpty() || this.methods.contains(method));
	}

	private boolean countsRoute(String uri) {
		if (this.routes.isEmpty()) {
			return !(uri.equals(ACTUATOR) || uri.startsWith(ACTUATOR + "/"));
		}
		for (String route : this.routes) {
			if (route.endsWith(ANY_BELOW)) {
				String prefix = route.substring(0, route.length() - ANY_BELOW.length());
				if (uri.equals(prefix) || uri.startsWith(prefix + "/")) {
					return true;
				}
			}
			else if (uri.equals(route)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The label matchers selecting the same requests, each as PromQL writes it, for example
	 * {@code uri=~"/api/orders(/.*)?", method=~"POST"}.
	 */
	String promqlMatchers() {
		StringJoiner matchers = new StringJoiner(", ");
		if (this.routes.isEmpty()) {
			matchers.add("uri!~\"" + promqlString(regex(ACTUATOR) + "(/.*)?") + "\"");
		}
		else {
			StringJoiner alternatives = new StringJoiner("|");
			for (String route : this.routes) {
				alternatives.add(route.endsWith(ANY_BELOW)
						? regex(route.substring(0, route.length() - ANY_BELOW.length())) + "(/.*)?" : regex(route));
			}
			matchers.add("uri=~\"" + promqlString(alternatives.toString()) + "\"");
		}
		if (!this.methods.isEmpty()) {
			matchers.add("method=~\"" + String.join("|", this.methods) + "\"");
		}
		return matchers.toString();
	}

	/** A regular expression matching the text literally: every metacharacter escaped. */
	private static String regex(String literal) {
		StringBuilder regex = new StringBuilder(literal.length() + 8);
		for (char c : literal.toCharArray()) {
			if (REGEX_METACHARACTERS.indexOf(c) >= 0) {
				regex.append('\\');
			}
			regex.append(c);
		}
		return regex.toString();
	}

	/** The text inside a double-quoted PromQL string. */
	private static String promqlString(String text) {
		return text.replace("\\", "\\\\");
	}

}
