package dev.vantage.observability.autoconfigure.security;

import java.time.Duration;

import dev.vantage.observability.autoconfigure.support.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security meters, detectors and security audit events, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageSecurityProperties.PREFIX)
public class VantageSecurityProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.security";

	/** Whether security meters, the Spring Security bridge and the detectors are on. */
	private boolean enabled = true;

	/**
	 * How long after a principal's audited successful authentication its further successes
	 * are counted but not audited; 0 audits every one. Failures, lockouts and denials are
	 * always audited (repeats within a window summarized, see {@code audit-flood}).
	 */
	private Duration authenticationSuccessAuditInterval = Duration.ofMinutes(30);

	private final BruteForce bruteForce = new BruteForce();

	private final SuspiciousRequests suspiciousRequests = new SuspiciousRequests();

	private final AuditFlood auditFlood = new AuditFlood();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getAuthenticationSuccessAuditInterval() {
		return this.authenticationSuccessAuditInterval;
	}

	public void setAuthenticationSuccessAuditInterval(Duration authenticationSuccessAuditInterval) {
		this.authenticationSuccessAuditInterval = PropertyChecks
			.notNegative(PREFIX + ".authentication-success-audit-interval", authenticationSuccessAuditInterval);
	}

	public BruteForce getBruteForce() {
		return this.bruteForce;
	}

	public SuspiciousRequests getSuspiciousRequests() {
		return this.suspiciousRequests;
	}

	public AuditFlood getAuditFlood() {
		return this.auditFlood;
	}

	/**
	 * How a flood of security audit events (failed logins, denials, suspicious requests) is
	 * kept from flooding the audit trail: per principal, client address, type and reason, the
	 * first events of a window are written and the repeats counted in one
	 * {@code audit.suppressed} event when the window is over.
	 */
	public static class AuditFlood {

		private static final String PREFIX = VantageSecurityProperties.PREFIX + ".audit-flood";

		/** Security audit events of one key written per window; later ones are counted in a summary. */
		private int maxEvents = 10;

		/** The window the events of a key are counted in. */
		private Duration window = Duration.ofMinutes(1);

		public int getMaxEvents() {
			return this.maxEvents;
		}

		public void setMaxEvents(int maxEvents) {
			this.maxEvents = PropertyChecks.atLeastOne(PREFIX + ".max-events", maxEvents);
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = PropertyChecks.positive(PREFIX + ".window", window);
		}

	}

	/** Brute-force detection on failed logins. */
	public static class BruteForce {

		private static final String PREFIX = VantageSecurityProperties.PREFIX + ".brute-force";

		/** Failed logins allowed per principal or client address within the window. */
		private int maxFailures = 5;

		/** The window failed logins are counted in. */
		private Duration window = Duration.ofMinutes(1);

		/** The most principals and addresses followed at once (bounds memory under a flood). */
		private int maxTracked = 10_000;

		public int getMaxFailures() {
			return this.maxFailures;
		}

		public void setMaxFailures(int maxFailures) {
			this.maxFailures = PropertyChecks.atLeastOne(PREFIX + ".max-failures", maxFailures);
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = PropertyChecks.positive(PREFIX + ".window", window);
		}

		public int getMaxTracked() {
			return this.maxTracked;
		}

		public void setMaxTracked(int maxTracked) {
			this.maxTracked = PropertyChecks.atLeastOne(PREFIX + ".max-tracked", maxTracked);
		}

	}

	/** The filter that reports injection and path-traversal patterns in requests. */
	public static class SuspiciousRequests {

		/** The switch of the suspicious-request filter. */
		public static final String ENABLED = VantageSecurityProperties.PREFIX + ".suspicious-requests.enabled";

		/** Whether requests are inspected (observed only, never blocked). */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
