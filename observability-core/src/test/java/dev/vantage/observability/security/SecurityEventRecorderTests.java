package dev.vantage.observability.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.audit.AuditEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityEventRecorderTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final List<AuditEvent> audited = new ArrayList<>();

	private Instant now = Instant.parse("2026-11-23T10:00:00Z");

	private SecurityEventRecorder recorder(Duration successInterval, int maxTracked) {
		Clock clock = new Clock() {

			@Override
			public Instant instant() {
				return SecurityEventRecorderTests.this.now;
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

		};
		return new SecurityEventRecorder(new MeterSecurityMetrics(this.registry),
				new BruteForceDetector(5, Duration.ofMinutes(1), 100, clock), this.audited::add, successInterval,
				maxTracked, clock);
	}

	@Test
	void successIsAuditedOncePerPrincipalPerIntervalAndCountedEveryTime() {
		SecurityEventRecorder recorder = recorder(Duration.ofMinutes(30), 100);
		for (int i = 0; i < 10; i++) {
			recorder.authenticationSucceeded("alice", "10.0.0.1");
			recorder.authenticationSucceeded("bob", "10.0.0.2");
		}
		this.now = this.now.plus(Duration.ofMinutes(31));
		recorder.authenticationSucceeded("alice", "10.0.0.1");
		assertThat(this.audited).extracting(AuditEvent::principal).containsExactly("alice", "bob", "alice");
		assertThat(this.registry.get(SecurityMetrics.AUTHENTICATION_METER).tag("outcome", "success").counter().count())
			.isEqualTo(21);
	}

	@Test
	void failuresAndDenialsAreAlwaysAudited() {
		SecurityEventRecorder recorder = recorder(Duration.ofMinutes(30), 100);
		for (int i = 0; i < 3; i++) {
			recorder.authenticationFailed("alice", "10.0.0.1", AuthenticationFailureReason.BAD_CREDENTIALS);
			recorder.authorizationDenied("alice", "GET /admin");
		}
		assertThat(this.audited).hasSize(6);
	}

	@Test
	void zeroIntervalAuditsEverySuccess() {
		SecurityEventRecorder recorder = recorder(Duration.ZERO, 100);
		recorder.authenticationSucceeded("alice", null);
		recorder.authenticationSucceeded("alice", null);
		assertThat(this.audited).hasSize(2);
	}

	@Test
	void aFloodOfPrincipalsKeepsMemoryBoundedAndLosesNoFirstSuccess() {
		SecurityEventRecorder recorder = recorder(Duration.ofMinutes(30), 10);
		for (int i = 0; i < 1000; i++) {
			recorder.authenticationSucceeded("user-" + i, null);
		}
		assertThat(this.audited).hasSize(1000);
		recorder.authenticationSucceeded("user-0", null);
		assertThat(this.audited).hasSize(1000);
	}

}
