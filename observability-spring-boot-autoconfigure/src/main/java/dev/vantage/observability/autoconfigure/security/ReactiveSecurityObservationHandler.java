package dev.vantage.observability.autoconfigure.security;

import java.net.InetSocketAddress;

import dev.vantage.observability.security.SecurityEventRecorder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationObservationContext;
import org.springframework.security.authorization.AuthorizationObservationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reactive Spring Security publishes no authentication or authorization events, but it
 * observes every authentication and authorization. This handler turns those observations
 * into the same security facts the servlet event bridge records: successes, failures with
 * their reason (and brute-force detection), denials. The client address comes from the
 * request the observation belongs to. Recording writes the audit log, so it is handed off
 * the event loop ({@link OffEventLoop}).
 */
final class ReactiveSecurityObservationHandler implements ObservationHandler<Observation.Context> {

	private final SecurityEventRecorder recorder;

	ReactiveSecurityObservationHandler(SecurityEventRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AuthenticationObservationContext
				|| context instanceof AuthorizationObservationContext<?>;
	}

	@Override
	public void onStop(Observation.Context context) {
		if (context instanceof AuthenticationObservationContext authentication) {
			authenticated(authentication);
		}
		else if (context instanceof AuthorizationObservationContext<?> authorization
				&& authorization.getError() instanceof AccessDeniedException) {
			String principal = (authorization.getAuthentication() != null)
					? authorization.getAuthentication().getName() : null;
			String resource = (authorization.getObject() instanceof ServerWebExchange exchange)
					? exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value() : null;
			OffEventLoop.record(() -> this.recorder.authorizationDenied(principal, resource)).subscribe();
		}
	}

	private void authenticated(AuthenticationObservationContext context) {
		Authentication request = context.getAuthenticationRequest();
		Authentication result = context.getAuthenticationResult();
		String clientIp = clientIp(context);
		if (result != null && result.isAuthenticated()) {
			OffEventLoop.record(() -> this.recorder.authenticationSucceeded(result.getName(), clientIp)).subscribe();
		}
		else if (context.getError() instanceof AuthenticationException failure) {
			String principal = (request != null) ? request.getName() : null;
			OffEventLoop.record(() -> this.recorder.authenticationFailed(principal, clientIp,
					SpringSecurityEventsBridge.reason(failure))).subscribe();
		}
	}

	/** The address of the request the observation happens in, up the chain of parents. */
	private static @Nullable String clientIp(Observation.ContextView context) {
		ObservationView parent = context.getParentObservation();
		while (parent != null) {
			if (parent.getContextView() instanceof ServerRequestObservationContext server) {
				ServerHttpRequest request = server.getCarrier();
				InetSocketAddress remote = (request != null) ? request.getRemoteAddress() : null;
				return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
			}
			parent = parent.getContextView().getParentObservation();
		}
		return null;
	}


}
