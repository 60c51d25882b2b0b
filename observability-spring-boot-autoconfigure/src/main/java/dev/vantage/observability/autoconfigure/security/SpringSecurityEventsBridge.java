package dev.vantage.observability.autoconfigure.security;

import dev.vantage.observability.security.AuthenticationFailureReason;
import dev.vantage.observability.security.SecurityEventRecorder;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Listens to Spring Security's authentication and authorization events, so that an
 * application gets security meters and audit events with no code.
 */
final class SpringSecurityEventsBridge {

	private final SecurityEventRecorder recorder;

	SpringSecurityEventsBridge(SecurityEventRecorder recorder) {
		this.recorder = recorder;
	}

	/**
	 * Records a successful authentication.
	 * @param event the event
	 */
	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		this.recorder.authenticationSucceeded(event.getAuthentication().getName(), clientIp(event.getAuthentication()));
	}

	/**
	 * Records a failed authentication.
	 * @param event the event
	 */
	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		this.recorder.authenticationFailed(event.getAuthentication().getName(), clientIp(event.getAuthentication()),
				reason(event.getException()));
	}

	/**
	 * Records an authorization denial.
	 * @param event the event
	 */
	@EventListener
	void onDenied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		String resource = (event.getObject() instanceof HttpServletRequest request)
				? request.getMethod() + " " + request.getRequestURI() : null;
		this.recorder.authorizationDenied((authentication != null) ? authentication.getName() : null, resource);
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
