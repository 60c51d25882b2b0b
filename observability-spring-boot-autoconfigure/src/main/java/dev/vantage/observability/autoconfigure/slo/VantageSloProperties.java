package dev.vantage.observability.autoconfigure.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vantage.observability.slo.InvalidObjectiveException;
import dev.vantage.observability.slo.ServiceLevelObjective;
import dev.vantage.observability.slo.SloKind;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service level objectives declared by the service, as {@code observability.slo.<name>.*}. The
 * objectives are a map at the root of {@value #PREFIX} (as Boot's
 * {@code management.metrics.distribution.slo.<meter>} is), so this concern has no
 * {@code enabled} switch of its own: without objectives it does nothing.
 */
@ConfigurationProperties(VantageSloProperties.ROOT)
public class VantageSloProperties {

	/** The prefix this class binds: it holds the {@code slo} map. */
	public static final String ROOT = "observability";

	/** The prefix of the objectives. */
	public static final String PREFIX = ROOT + ".slo";

	/** Where the alerts of an objective point unless it names a runbook of its own. */
	public static final String DEFAULT_RUNBOOK = "docs/runbooks/error-budget-burn.md";

	/**
	 * Service level objectives by name: {@code observability.slo.<name>.objective} (percent,
	 * required), {@code .kind} ({@code availability}, {@code latency} or {@code payments}),
	 * {@code .window} (default 28d), {@code .threshold} (latency only), {@code .routes} and
	 * {@code .methods} (default: every route but the actuator's, every method),
	 * {@code .runbook-url}.
	 */
	private Map<String, Objective> slo = new LinkedHashMap<>();

	public Map<String, Objective> getSlo() {
		return this.slo;
	}

	public void setSlo(Map<String, Objective> slo) {
		this.slo = slo;
	}

	/**
	 * The declared objectives, checked.
	 * @return the objectives in declaration order
	 * @throws IllegalStateException naming the property of the first invalid value
	 */
	public List<ServiceLevelObjective> objectives() {
		List<ServiceLevelObjective> objectives = new ArrayList<>();
		this.slo.forEach((name, declared) -> objectives.add(declared.toObjective(name)));
		return objectives;
	}

	/**
	 * One declared objective.
	 */
	public static class Objective {

		/** The percentage of good events promised, above 0 and below 100, for example 99.9. */
		private @Nullable Double objective;

		/** What makes an event good: availability (no 5xx), latency (within threshold), payments (success). */
		private SloKind kind = SloKind.AVAILABILITY;

		/** The rolling window the objective holds over, from 3d to 366d. */
		private Duration window = ServiceLevelObjective.DEFAULT_WINDOW;

		/** For a latency objective, the latency under which a request is good; it becomes a histogram bucket. */
		private @Nullable Duration threshold;

		/** Route templates that count (a template ending in /** counts every route under it); empty for all but the actuator's. */
		private List<String> routes = new ArrayList<>();

		/** HTTP methods that count; empty for all. */
		private List<String> methods = new ArrayList<>();

		/** Where the objective's alerts point for what to do. */
		private String runbookUrl = DEFAULT_RUNBOOK;

		public @Nullable Double getObjective() {
			return this.objective;
		}

		public void setObjective(@Nullable Double objective) {
			this.objective = objective;
		}

		public SloKind getKind() {
			return this.kind;
		}

		public void setKind(SloKind kind) {
			this.kind = kind;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public @Nullable Duration getThreshold() {
			return this.threshold;
		}

		public void setThreshold(@Nullable Duration threshold) {
			this.threshold = threshold;
		}

		public List<String> getRoutes() {
			return this.routes;
		}

		public void setRoutes(List<String> routes) {
			this.routes = routes;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public String getRunbookUrl() {
			return this.runbookUrl;
		}

		public void setRunbookUrl(String runbookUrl) {
			this.runbookUrl = runbookUrl;
		}

		ServiceLevelObjective toObjective(String name) {
			String property = PREFIX + "." + name;
			if (this.objective == null) {
				throw new IllegalStateException("'" + property + ".objective' must be set: the percentage of good events "
						+ "promised, for example 99.9");
			}
			try {
				return new ServiceLevelObjective(name, this.kind, this.objective, this.window, this.threshold, this.routes,
						this.methods.stream().map(String::strip).toList(), this.runbookUrl);
			}
			catch (InvalidObjectiveException ex) {
				String field = ex.field().equals("name") ? "" : "." + kebab(ex.field());
				throw new IllegalStateException("'" + property + field + "' is invalid: " + ex.getMessage());
			}
		}

		private static String kebab(String field) {
			return field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
		}

	}

}
