package dev.vantage.observability.security;

import java.util.EnumMap;
import java.util.Map;

import dev.vantage.observability.support.Arguments;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@link SecurityMetrics} that records into a meter registry:
 * {@code security.authentication{outcome, reason}},
 * {@code security.authorization.denied} and {@code security.suspicious.activity{type,
 * severity}}. Every series is registered up front, so dashboards and alerts see zero before
 * the first event; recording is an array or map read and an increment.
 */
public final class MeterSecurityMetrics implements SecurityMetrics {

	private final Counter succeeded;

	private final Map<AuthenticationFailureReason, Counter> failed = new EnumMap<>(AuthenticationFailureReason.class);

	private final Counter denied;

	private final Map<SuspiciousActivityType, Map<Severity, Counter>> suspicious = new EnumMap<>(
			SuspiciousActivityType.class);

	/**
	 * Registers the security meters.
	 * @param registry the registry
	 */
	public MeterSecurityMetrics(MeterRegistry registry) {
		this.succeeded = Counter.builder(AUTHENTICATION_METER)
			.description("Authentication attempts by outcome and failure reason")
			.tags("outcome", "success", "reason", "none")
			.register(registry);
		for (AuthenticationFailureReason reason : AuthenticationFailureReason.values()) {
			this.failed.put(reason, Counter.builder(AUTHENTICATION_METER)
				.description("Authentication attempts by outcome and failure reason")
				.tags("outcome", "failure", "reason", reason.tagValue)
				.register(registry));
		}
		this.denied = Counter.builder(DENIED_METER).description("Access refused by authorization").register(registry);
		for (SuspiciousActivityType type : SuspiciousActivityType.values()) {
			Map<Severity, Counter> bySeverity = new EnumMap<>(Severity.class);
			for (Severity severity : Severity.values()) {
				bySeverity.put(severity, Counter.builder(SUSPICIOUS_METER)
					.description("Suspicious activity by type and severity")
					.tags("type", type.tagValue, "severity", severity.tagValue)
					.register(registry));
			}
			this.suspicious.put(type, bySeverity);
		}
	}

	@Override
	public void authenticationSucceeded() {
		this.succeeded.increment();
	}

	@Override
	public void authenticationFailed(AuthenticationFailureReason reason) {
		this.failed.get(Arguments.requireNonNull(reason, "reason")).increment();
	}

	@Override
	public void authorizationDenied() {
		this.denied.increment();
	}

	@Override
	public void suspiciousActivity(SuspiciousActivityType type, Severity severity) {
		this.suspicious.get(Arguments.requireNonNull(type, "type")).get(Arguments.requireNonNull(severity, "severity")).increment();
	}

}
