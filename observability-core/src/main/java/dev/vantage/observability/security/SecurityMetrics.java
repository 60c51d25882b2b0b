package dev.vantage.observability.security;

import dev.vantage.observability.support.Arguments;

/**
 * Records security facts: authentications by outcome and reason, authorization denials and
 * suspicious activity by type and severity. A {@code null} argument throws
 * {@link IllegalArgumentException} naming the parameter. {@link MeterSecurityMetrics}
 * records into a meter registry; {@link #noop()} records nothing.
 */
public interface SecurityMetrics {

	/** Authentication attempts. */
	String AUTHENTICATION_METER = "security.authentication";

	/** Requests or calls refused by authorization. */
	String DENIED_METER = "security.authorization.denied";

	/** Suspicious activity seen by the detectors or reported by the application. */
	String SUSPICIOUS_METER = "security.suspicious.activity";

	/**
	 * Returns security metrics that check their arguments and record nothing, for when
	 * security meters are switched off.
	 * @return the no-op security metrics
	 */
	static SecurityMetrics noop() {
		return NoopSecurityMetrics.INSTANCE;
	}

	/** Records a successful authentication. */
	void authenticationSucceeded();

	/**
	 * Records a failed authentication.
	 * @param reason why it failed
	 */
	void authenticationFailed(AuthenticationFailureReason reason);

	/** Records an authorization denial. */
	void authorizationDenied();

	/**
	 * Records suspicious activity.
	 * @param type what kind
	 * @param severity how serious
	 */
	void suspiciousActivity(SuspiciousActivityType type, Severity severity);

	/** Checks arguments and records nothing. */
	enum NoopSecurityMetrics implements SecurityMetrics {

		/** The one instance. */
		INSTANCE;

		@Override
		public void authenticationSucceeded() {
		}

		@Override
		public void authenticationFailed(AuthenticationFailureReason reason) {
			Arguments.requireNonNull(reason, "reason");
		}

		@Override
		public void authorizationDenied() {
		}

		@Override
		public void suspiciousActivity(SuspiciousActivityType type, Severity severity) {
			Arguments.requireNonNull(type, "type");
			Arguments.requireNonNull(severity, "severity");
		}

	}

}
