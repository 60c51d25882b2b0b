package dev.vantage.observability.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.vantage.observability.health.DependencyCheck;
import dev.vantage.observability.health.DependencyHealthChecker;
import dev.vantage.observability.health.DependencyStatus;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code dependencies} health component: one indicator per dependency, all answered by
 * the {@link DependencyHealthChecker}, so Boot's one-after-another evaluation still costs
 * one timeout at most.
 */
final class DependenciesHealthContributor {

	/** The component's name in {@code /actuator/health}. */
	static final String NAME = "dependencies";

	private DependenciesHealthContributor() {
	}

	static CompositeHealthContributor of(DependencyHealthChecker checker) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		for (DependencyCheck check : checker.checks()) {
			indicators.put(check.name(), () -> health(checker.status(check.name())));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	static Health health(DependencyStatus status) {
		return (status.up() ? Health.up() : Health.down()).withDetails(status.allDetails()).build();
	}

}
