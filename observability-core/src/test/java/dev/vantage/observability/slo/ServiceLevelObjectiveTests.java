package dev.vantage.observability.slo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceLevelObjectiveTests {

	private static final String RUNBOOK = "https://runbooks.example/slo";

	@Test
	void validObjectiveKeepsItsFieldsAndKnowsItsBudget() {
		ServiceLevelObjective slo = latency("checkout", 99.5, Duration.ofMillis(300));
		assertThat(slo.errorBudget()).isCloseTo(0.005, org.assertj.core.api.Assertions.within(1e-12));
		assertThat(slo.routes()).containsExactly("/api/orders/**");
		assertThat(slo.methods()).containsExactly("POST");
	}

	@Test
	void everyInvalidFieldIsNamed() {
		assertInvalid("name", () -> availability("Check Out", 99.9, Duration.ofDays(28)));
		assertInvalid("objective", () -> availability("a", 100, Duration.ofDays(28)));
		assertInvalid("objective", () -> availability("a", 0, Duration.ofDays(28)));
		assertInvalid("objective", () -> availability("a", Double.NaN, Duration.ofDays(28)));
		assertInvalid("window", () -> availability("a", 99.9, Duration.ofDays(2)));
		assertInvalid("window", () -> availability("a", 99.9, Duration.ofDays(400)));
		assertInvalid("window", () -> availability("a", 99.9, Duration.ofDays(28).plusSeconds(30)));
		assertInvalid("threshold", () -> latency("a", 99.9, null));
		assertInvalid("threshold", () -> latency("a", 99.9, Duration.ofNanos(1500)));
		assertInvalid("threshold", () -> new ServiceLevelObjective("a", SloKind.AVAILABILITY, 99, Duration.ofDays(28),
				Duration.ofMillis(300), List.of(), List.of(), RUNBOOK));
		assertInvalid("routes", () -> new ServiceLevelObjective("a", SloKind.AVAILABILITY, 99, Duration.ofDays(28), null,
				List.of("api/orders"), List.of(), RUNBOOK));
		assertInvalid("routes", () -> new ServiceLevelObjective("a", SloKind.AVAILABILITY, 99, Duration.ofDays(28), null,
				List.of("/orders\"}) or vector(1"), List.of(), RUNBOOK));
		assertInvalid("routes", () -> new ServiceLevelObjective("a", SloKind.PAYMENTS, 99, Duration.ofDays(28), null,
				List.of("/pay"), List.of(), RUNBOOK));
		assertInvalid("methods", () -> new ServiceLevelObjective("a", SloKind.AVAILABILITY, 99, Duration.ofDays(28), null,
				List.of(), List.of("get"), RUNBOOK));
		assertInvalid("runbookUrl", () -> new ServiceLevelObjective("a", SloKind.AVAILABILITY, 99, Duration.ofDays(28),
				null, List.of(), List.of(), " "));
	}

	private static void assertInvalid(String field, Runnable declaration) {
		assertThatExceptionOfType(InvalidObjectiveException.class).isThrownBy(declaration::run)
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field))
			.withMessageStartingWith("'" + field + "' ");
	}

	static ServiceLevelObjective availability(String name, double objective, Duration window) {
		return new ServiceLevelObjective(name, SloKind.AVAILABILITY, objective, window, null, List.of(), List.of(), RUNBOOK);
	}

	static ServiceLevelObjective latency(String name, double objective, Duration threshold) {
		return new ServiceLevelObjective(name, SloKind.LATENCY, objective, Duration.ofDays(30), threshold,
				List.of("/api/orders/**"), List.of("POST"), RUNBOOK);
	}

}
