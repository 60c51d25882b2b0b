package dev.vantage.observability.security;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Security meters: {@code security.authentication{outcome, reason}},
 * {@code security.authorization.denied} and {@code security.suspicious.activity{type,
 * severity}}. Every series is registered up front, so dashboards and alerts see zero before
 * the first event; recording is an array or map read and an increment.
 */
public final class SecurityMetrics {

	/** Authentication attempts. */
	public static final String AUTHENTICATION_METER = "security.authentication";

	/** Requests or calls refused by authorization. */
	public static final String DENIED_METER = "security.authorization.denied";

	/** Suspicious activity seen by the detectors or reported by the application. */
	public static final String SUSPICIOUS_METER = "security.suspicious.activity";

	private final Counter succeeded;

	private final Map<AuthenticationFailureReason, Counter> failed = new EnumMap<>(AuthenticationFailureReason.class);

	private final Counter denied;

	private final Map<SuspiciousActivityType, Map<Severity, Counter>> suspicious = new EnumMap<>(
			SuspiciousActivityType.class);

	/**
	 * Registers the security meters.
	 * @param registry the registry
	 */
	public SecurityMetrics(MeterRegistry registry) {
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

	/** Records a successful authentication. */
	public void authenticationSucceeded() {
		this.succeeded.increment();
	}

	/**
	 * Records a failed authentication.
	 * @param reason why it failed
	 */
	public void authenticationFailed(AuthenticationFailureReason reason) {
		this.failed.get(require(reason, "reason")).increment();
	}

	/** Records an authorization denial. */
	public void authorizationDenied() {
		this.denied.increment();
	}

	/**
	 * Records suspicious activity.
	 * @param type what kind
	 * @param severity how serious
	 */
	public void suspiciousActivity(SuspiciousActivityType type, Severity severity) {
		this.suspicious.get(require(type, "type")).get(require(severity, "severity")).increment();
	}

	private static <T> T require(T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException("'" + name + "' must not be null");
		}
		return value;
	}

}
