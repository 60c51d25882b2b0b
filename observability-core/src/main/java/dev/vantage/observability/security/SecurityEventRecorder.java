package dev.vantage.observability.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import org.jspecify.annotations.Nullable;

/**
 * Turns security facts into meters, audit events and brute-force detection, whoever
 * reports them (the Spring Security bridge, the request filter, on either web stack).
 * Every fact is counted; a successful authentication is audited once per principal per
 * interval, since HTTP Basic authenticates every request and an audit trail of every
 * request would drown the events that matter. Failures, lockouts and denials are always
 * audited.
 */
public final class SecurityEventRecorder {

	private final SecurityMetrics metrics;

	private final BruteForceDetector bruteForce;

	private final AuditLogger audit;

	private final long successIntervalMillis;

	private final int maxTracked;

	private final Clock clock;

	private final Map<String, Long> lastAuditedSuccess = new ConcurrentHashMap<>();

	/**
	 * Creates the recorder.
	 * @param metrics the security meters
	 * @param bruteForce the brute-force detector
	 * @param audit the audit log
	 * @param successAuditInterval how long after a principal's audited success its further
	 * successes are not audited; zero audits every one
	 * @param maxTracked the most principals whose last audited success is remembered
	 * @param clock the clock
	 */
	public SecurityEventRecorder(SecurityMetrics metrics, BruteForceDetector bruteForce, AuditLogger audit,
			Duration successAuditInterval, int maxTracked, Clock clock) {
		if (successAuditInterval.isNegative()) {
			throw new IllegalArgumentException(
					"'successAuditInterval' must not be negative, was " + successAuditInterval);
		}
		if (maxTracked < 1) {
			throw new IllegalArgumentException("'maxTracked' must be at least 1, was " + maxTracked);
		}
		this.metrics = metrics;
		this.bruteForce = bruteForce;
		this.audit = audit;
		this.successIntervalMillis = successAuditInterval.toMillis();
		this.maxTracked = maxTracked;
		this.clock = clock;
	}

	/**
	 * Records a successful authentication.
	 * @param principal who authenticated
	 * @param clientIp from where
	 */
	public void authenticationSucceeded(@Nullable String principal, @Nullable String clientIp) {
		this.metrics.authenticationSucceeded();
		if (auditSuccess(principal)) {
			audit(AuditEvent.builder("authentication.success").action("login").principal(principal)
				.clientIp(clientIp));
		}
	}

	private boolean auditSuccess(@Nullable String principal) {
		if (this.successIntervalMillis == 0 || principal == null) {
			return true;
		}
		long now = this.clock.millis();
		Long last = this.lastAuditedSuccess.get(principal);
		if (last != null && now - last < this.successIntervalMillis) {
			return false;
		}
		if (last == null && this.lastAuditedSuccess.size() >= this.maxTracked) {
			// Full: forget expired entries; if none expired, audit without remembering,
			// so that memory stays bounded and nothing is lost from the trail.
			this.lastAuditedSuccess.values().removeIf((audited) -> now - audited >= this.successIntervalMillis);
			if (this.lastAuditedSuccess.size() >= this.maxTracked) {
				return true;
			}
		}
		this.lastAuditedSuccess.put(principal, now);
		return true;
	}

	/**
	 * Records a failed authentication and checks for brute force.
	 * @param principal the user name tried
	 * @param clientIp from where
	 * @param reason why it failed
	 */
	public void authenticationFailed(@Nullable String principal, @Nullable String clientIp,
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

	/**
	 * Records an authorization denial.
	 * @param principal who was denied
	 * @param resource what was asked for
	 */
	public void authorizationDenied(@Nullable String principal, @Nullable String resource) {
		this.metrics.authorizationDenied();
		audit(AuditEvent.builder("authorization.denied").action("access").principal(principal).resource(resource)
			.failure("access denied"));
	}

	/**
	 * Records suspicious activity with its audit event.
	 * @param type what kind
	 * @param severity how serious
	 * @param event the audit event describing it
	 */
	public void suspicious(SuspiciousActivityType type, Severity severity, AuditEvent.Builder event) {
		this.metrics.suspiciousActivity(type, severity);
		audit(event.metadata("severity", severity.name().toLowerCase(Locale.ROOT)));
	}

	/**
	 * Records a request the {@link SuspiciousRequestDetector} found suspicious, whichever web
	 * stack received it.
	 * @param finding what the detector found
	 * @param method the request method
	 * @param path the request path
	 * @param query the raw query string, or {@code null}
	 * @param clientIp the client address, or {@code null}
	 * @param userAgent the user agent, or {@code null}
	 */
	public void suspiciousRequest(SuspiciousRequestDetector.Finding finding, String method, String path,
			@Nullable String query, @Nullable String clientIp, @Nullable String userAgent) {
		suspicious(finding.type(), finding.severity(), AuditEvent.builder("security.suspicious_request")
			.action(method)
			.resource(path)
			.clientIp(clientIp)
			.userAgent(userAgent)
			.failure(finding.rule())
			.metadata("query", String.valueOf(query)));
	}

	private void audit(AuditEvent.Builder event) {
		this.audit.log(event.build());
	}

}
