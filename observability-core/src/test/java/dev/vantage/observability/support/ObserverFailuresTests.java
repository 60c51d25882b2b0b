package dev.vantage.observability.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObserverFailuresTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final ObserverFailures failures = new ObserverFailures(() -> this.registry);

	@Test
	void declaredComponentsShowZeroOnceBoundAndLaterOnesAtOnce() {
		this.failures.declare("tenant request timer");
		assertThat(this.registry.find(ObserverFailures.METER).counters()).isEmpty();
		this.failures.bind();
		assertThat(this.registry.get(ObserverFailures.METER).tag("component", "tenant request timer").counter().count())
			.isZero();
		this.failures.declare("exposure check");
		assertThat(this.registry.get(ObserverFailures.METER).tag("component", "exposure check").counter().count())
			.isZero();
	}

	@Test
	void aFailureIsSwallowedCountedAndTheFallbackAnswered() {
		this.failures.run("listener", () -> {
			throw new IllegalStateException("broken");
		});
		String answer = this.failures.call("check", () -> {
			throw new NoClassDefFoundError("jakarta/servlet/http/HttpServletRequest");
		}, "fallback");
		assertThat(answer).isEqualTo("fallback");
		assertThat(this.registry.get(ObserverFailures.METER).tag("component", "listener").counter().count()).isOne();
		assertThat(this.registry.get(ObserverFailures.METER).tag("component", "check").counter().count()).isOne();
	}

	@Test
	void withoutARegistryFailuresAreOnlyLogged() {
		ObserverFailures logOnly = ObserverFailures.logOnly();
		logOnly.declare("listener");
		logOnly.bind();
		logOnly.run("listener", () -> {
			throw new IllegalStateException("broken");
		});
		assertThat(logOnly.call("listener", () -> "answer", "fallback")).isEqualTo("answer");
	}

}
