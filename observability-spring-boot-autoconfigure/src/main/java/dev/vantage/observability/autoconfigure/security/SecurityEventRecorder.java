package dev.vantage.observability.autoconfigure.security;

import java.util.Locale;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.security.AuthenticationFailureReason;
import dev.vantage.observability.security.BruteForceDetector;
import dev.vantage.observability.security.SecurityMetrics;
import dev.vantage.observability.security.Severity;
import dev.vantage.observability.security.SuspiciousActivityType;
import org.jspecify.annotations.Nullable;

/**
 * Turns security facts into meters, audit events and brute-force detection, whoever
 * reports them (the Spring Security bridge, the request filter). The audit log is optional.
 */
public final class SecurityEventRecorder {

	private final SecurityMetrics metrics;

	private final BruteForceDetector bruteForce;

	private final @Nullable AuditLogger audit;

	/**
	 * Creates the recorder.
	 * @param metrics the security meters
	 * @param bruteForce the brute-force detector
	 * @param audit the audit log, {@code null} when it is switched off
	 */
	public SecurityEventRecorder(SecurityMetrics metrics, BruteForceDetector bruteForce, @Nullable AuditLogger audit) {
		this.metrics = metrics;
		this.bruteForce = bruteForce;
		this.audit = audit;
	}

	void authenticationSucceeded(@Nullable String principal, @Nullable String clientIp) {
		this.metrics.authenticationSucceeded();
		audit(AuditEvent.builder("authentication.success").action("login").principal(principal).clientIp(clientIp));
	}

	void authenticationFailed(@Nullable String principal, @Nullable String clientIp,
			AuthenticationFailureReason reason) {
		this.metrics.authenticationFailed(reason);
		audit(AuditEvent.builder("authentication.failure")
			.action("login")
			.principal(principal)
			.clientIp(clientIp)
			.failure(reason.name().toLowerCase(Locale.ROOT)));
		BruteForceDetector.Detection detection = this.bruteForce.failed(principal, clientIp);
		if (detection != null) {
			suspicious(SuspiciousActivityType.BRUTE_FORCE, Severity.HIGH, AuditEvent.builder("security.brute_force")
				.action("login")
				.principal(principal)
				.clientIp(clientIp)
				.failure("too many failed logins")
				.metadata("by", detection.byPrincipal() ? "principal" : "client_ip"));
		}
	}

	void authorizationDenied(@Nullable String principal, @Nullable String resource) {
		this.metrics.authorizationDenied();
		audit(AuditEvent.builder("authorization.denied").action("access").principal(principal).resource(resource)
			.failure("access denied"));
	}

	void suspicious(SuspiciousActivityType type, Severity severity, AuditEvent.Builder event) {
		this.metrics.suspiciousActivity(type, severity);
		audit(event.metadata("severity", severity.name().toLowerCase(Locale.ROOT)));
	}

	private void audit(AuditEvent.Builder event) {
		if (this.audit != null) {
			this.audit.log(event.build());
		}
	}

}
