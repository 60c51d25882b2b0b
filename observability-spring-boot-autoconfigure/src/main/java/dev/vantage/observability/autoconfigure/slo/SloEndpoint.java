package dev.vantage.observability.autoconfigure.slo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vantage.observability.slo.ServiceLevelObjective;
import dev.vantage.observability.slo.SloRules;
import dev.vantage.observability.slo.SloStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/slo}: each declared objective with its SLI and error budget in this process
 * since it started; {@code /actuator/slo/rules}: the Prometheus rules generated from them;
 * {@code /actuator/slo/sloth}: the same objectives as a Sloth specification. Exposed only when
 * the application adds {@code slo} to {@code management.endpoints.web.exposure.include}, and then
 * protected as its other actuator endpoints.
 */
@Endpoint(id = "slo")
public class SloEndpoint {

	static final String YAML = "application/yaml";

	private final SloRules rules;

	private final MeterRegistry registry;

	SloEndpoint(SloRules rules, MeterRegistry registry) {
		this.rules = rules;
		this.registry = registry;
	}

	@ReadOperation
	public Map<String, Object> objectives() {
		List<Map<String, Object>> objectives = new ArrayList<>();
		for (ServiceLevelObjective objective : this.rules.objectives()) {
			SloStatus status = SloStatus.of(objective, this.registry);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", objective.name());
			entry.put("kind", objective.kind().name().toLowerCase(Locale.ROOT));
			entry.put("objective", objective.objective());
			entry.put("window", SloRules.duration(objective.window()));
			if (objective.threshold() != null) {
				entry.put("thresholdMs", objective.threshold().toMillis());
			}
			entry.put("routes", objective.routes());
			entry.put("methods", objective.methods());
			entry.put("events", status.total());
			entry.put("goodEvents", status.good());
			entry.put("sli", status.sli());
			entry.put("errorBudgetRemaining", status.errorBudgetRemaining());
			objectives.add(entry);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("application", this.rules.application());
		body.put("scope", "process-local: this instance since it started; Prometheus, over every instance and the "
				+ "objective's window, is the source of truth (slo:error_budget_remaining:ratio)");
		body.put("objectives", objectives);
		return body;
	}

	@ReadOperation(produces = YAML)
	public @Nullable String document(@Selector String format) {
		return switch (format) {
			case "rules" -> this.rules.prometheusRules();
			case "sloth" -> this.rules.slothSpecification();
			default -> null;
		};
	}

}
