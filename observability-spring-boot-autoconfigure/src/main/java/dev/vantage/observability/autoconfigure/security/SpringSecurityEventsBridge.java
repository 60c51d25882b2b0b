package dev.vantage.observability.autoconfigure.security;

import dev.vantage.observability.security.AuthenticationFailureReason;
import dev.vantage.observability.security.SecurityEventRecorder;
import dev.vantage.observability.support.ObserverFailures;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Listens to Spring Security's authentication events (which Boot makes it publish), so that
 * a servlet application gets security meters and audit events with no code. Denials come
 * from Spring Security's authorization observations ({@link SecurityObservationHandler}):
 * Spring Security publishes authorization events only when the application asks for them.
 * A failure of its own is counted and skipped, never thrown into the authentication.
 */
final class SpringSecurityEventsBridge {

	private static final String COMPONENT = "security events listener";

	private final SecurityEventRecorder recorder;

	private final ObserverFailures failures;

	SpringSecurityEventsBridge(SecurityEventRecorder recorder, ObserverFailures failures) {
		this.recorder = recorder;
		this.failures = failures;
		failures.declare(COMPONENT);
	}

	/**
	 * Records a successful authentication.
	 * @param event the event
	 */
	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		this.failures.run(COMPONENT, () -> this.recorder.authenticationSucceeded(event.getAuthentication().getName(),
				clientIp(event.getAuthentication())));
	}

	/**
	 * Records a failed authentication.
	 * @param event the event
	 */
	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		this.failures.run(COMPONENT, () -> this.recorder.authenticationFailed(event.getAuthentication().getName(),
				clientIp(event.getAuthentication()), reason(event.getException())));
	}

	static AuthenticationFailureReason reason(AuthenticationException exception) {
		if (exception instanceof BadCredentialsException) {
			return AuthenticationFailureReason.BAD_CREDENTIALS;
		}
		if (exception instanceof LockedException) {
			return AuthenticationFailureReason.LOCKED;
		}
		if (exception instanceof DisabledException) {
			return AuthenticationFailureReason.DISABLED;
		}
		if (exception instanceof AccountExpiredException || exception instanceof CredentialsExpiredException) {
			return AuthenticationFailureReason.EXPIRED;
		}
		return AuthenticationFailureReason.OTHER;
	}

	private static @Nullable String clientIp(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
