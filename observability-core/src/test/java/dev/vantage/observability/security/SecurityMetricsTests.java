package dev.vantage.observability.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecurityMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final SecurityMetrics metrics = new MeterSecurityMetrics(this.registry);

	@Test
	void everySeriesExistsAtZeroFromTheStart() {
		assertThat(this.registry.find(SecurityMetrics.AUTHENTICATION_METER).counters()).hasSize(6);
		assertThat(this.registry.find(SecurityMetrics.SUSPICIOUS_METER).counters()).hasSize(20);
		assertThat(this.registry.get(SecurityMetrics.DENIED_METER).counter().count()).isZero();
	}

	@Test
	void outcomesReasonsAndActivityAreCounted() {
		this.metrics.authenticationSucceeded();
		this.metrics.authenticationFailed(AuthenticationFailureReason.BAD_CREDENTIALS);
		this.metrics.authenticationFailed(AuthenticationFailureReason.LOCKED);
		this.metrics.authorizationDenied();
		this.metrics.suspiciousActivity(SuspiciousActivityType.BRUTE_FORCE, Severity.HIGH);
		assertThat(this.registry.get(SecurityMetrics.AUTHENTICATION_METER).tags("outcome", "success", "reason", "none")
			.counter().count()).isEqualTo(1);
		assertThat(this.registry.get(SecurityMetrics.AUTHENTICATION_METER)
			.tags("outcome", "failure", "reason", "bad_credentials").counter().count()).isEqualTo(1);
		assertThat(this.registry.get(SecurityMetrics.DENIED_METER).counter().count()).isEqualTo(1);
		assertThat(this.registry.get(SecurityMetrics.SUSPICIOUS_METER).tags("type", "brute_force", "severity", "high")
			.counter().count()).isEqualTo(1);
	}

	@Test
	void nullArgumentsAreRejectedNamingTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.authenticationFailed(null))
			.withMessage("'reason' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.metrics.suspiciousActivity(SuspiciousActivityType.OTHER, null))
			.withMessage("'severity' must not be null");
	}

}
