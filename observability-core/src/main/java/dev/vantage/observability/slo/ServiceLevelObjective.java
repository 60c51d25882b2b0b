package dev.vantage.observability.slo;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One service level objective: which events count, what makes one good, and what share of
 * them must be good over a rolling window.
 *
 * @param name the objective's name, the {@code slo} label of its rules; lowercase letters,
 * digits and dashes
 * @param kind what makes an event good
 * @param objective the percentage of good events promised, above 0 and below 100, for
 * example {@code 99.9}
 * @param window the rolling window the objective holds over, whole minutes from 3 days (the
 * longest burn-rate window) to 366 days
 * @param threshold for {@link SloKind#LATENCY}, the latency under which a request is good;
 * whole milliseconds; {@code null} for the other kinds
 * @param routes the route templates that count (a template ending in {@code /**} counts every
 * route under it); empty for every route but the actuator's
 * @param methods the HTTP methods that count; empty for all
 * @param runbookUrl where the alerts of this objective point for what to do
 */
public record ServiceLevelObjective(String name, SloKind kind, double objective, Duration window,
		@Nullable Duration threshold, List<String> routes, List<String> methods, String runbookUrl) {

	/** The rolling window of an objective that names none. */
	public static final Duration DEFAULT_WINDOW = Duration.ofDays(28);

	/** The shortest window: the longest burn-rate window (3 days) must fit in it. */
	public static final Duration MIN_WINDOW = Duration.ofDays(3);

	/** The longest window. */
	public static final Duration MAX_WINDOW = Duration.ofDays(366);

	private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

	private static final Pattern ROUTE = Pattern.compile("/[\\x21-\\x7e]{0,255}");

	private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");

	/**
	 * Checks every field, so that an objective that exists can be turned into rules.
	 * @param name the objective's name
	 * @param kind what makes an event good
	 * @param objective the percentage of good events promised
	 * @param window the rolling window
	 * @param threshold the latency threshold of a latency objective, else {@code null}
	 * @param routes the route templates that count, empty for all but the actuator's
	 * @param methods the HTTP methods that count, empty for all
	 * @param runbookUrl where the alerts point
	 * @throws InvalidObjectiveException naming the field that is wrong
	 */
	public ServiceLevelObjective {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new InvalidObjectiveException("name",
					"must be lowercase letters, digits and dashes (at most 64), was '" + name + "'");
		}
		if (kind == null) {
			throw new InvalidObjectiveException("kind", "must be one of availability, latency, payments");
		}
		if (!(objective > 0 && objective < 100)) {
			throw new InvalidObjectiveException("objective", "must be a percentage above 0 and below 100, was " + objective);
		}
		if (window == null || window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0
				|| window.toSeconds() % 60 != 0 || window.getNano() != 0) {
			throw new InvalidObjectiveException("window",
					"must be whole minutes from 3d (the longest burn-rate window) to 366d, was " + window);
		}
		if (kind == SloKind.LATENCY) {
			if (threshold == null || threshold.isNegative() || threshold.isZero() || threshold.toNanos() % 1_000_000 != 0) {
				throw new InvalidObjectiveException("threshold",
						"must be a positive whole number of milliseconds for a latency objective, was " + threshold);
			}
		}
		else if (threshold != null) {
			throw new InvalidObjectiveException("threshold", "applies to latency objectives only, was " + threshold);
		}
		routes = List.copyOf((routes != null) ? routes : List.of());
		methods = List.copyOf((methods != null) ? methods : List.of());
		if (kind == SloKind.PAYMENTS && !(routes.isEmpty() && methods.isEmpty())) {
			throw new InvalidObjectiveException(routes.isEmpty() ? "methods" : "routes",
					"apply to request objectives only: payments count every payment call");
		}
		for (String route : routes) {
			if (!ROUTE.matcher(route).matches() || route.contains("\"") || route.contains("\\")) {
				throw new InvalidObjectiveException("routes",
						"must be route templates starting with '/' without quotes or backslashes, was '" + route + "'");
			}
		}
		for (String method : methods) {
			if (!METHOD.matcher(method).matches()) {
				throw new InvalidObjectiveException("methods", "must be upper-case HTTP methods, was '" + method + "'");
			}
		}
		if (runbookUrl == null || runbookUrl.isBlank() || runbookUrl.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidObjectiveException("runbookUrl", "must not be blank, was '" + runbookUrl + "'");
		}
	}

	/**
	 * The share of events allowed to be bad: {@code 1 - objective / 100}.
	 * @return the error budget as a ratio, for example {@code 0.001} for 99.9 %
	 */
	public double errorBudget() {
		return 1 - this.objective / 100;
	}

}
