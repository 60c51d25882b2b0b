package dev.vantage.observability.autoconfigure.security;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import dev.vantage.observability.security.SecurityEventRecorder;
import dev.vantage.observability.support.ObserverFailures;
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

/**
 * Spring Security observes every authorization (and every authentication) on both web
 * stacks and in method security, where it publishes events only if the application asks it
 * to. This handler turns those observations into security facts: denials everywhere, and on
 * WebFlux, which publishes no authentication events, successes and failures with their
 * reason (and brute-force detection). It only reads the observation; a failure of its own is
 * counted and skipped ({@link ObserverFailures}). Recording writes the audit log, so on an
 * event loop it is handed off ({@link OffEventLoop}).
 */
final class SecurityObservationHandler implements ObservationHandler<Observation.Context> {

	private static final String COMPONENT = "security observation handler";

	private final SecurityEventRecorder recorder;

	private final ObserverFailures failures;

	private final boolean authentications;

	private final Consumer<Runnable> recording;

	/**
	 * Creates the handler.
	 * @param recorder what records the facts
	 * @param failures the guard of this handler
	 * @param authentications whether authentications are recorded from observations (WebFlux)
	 * rather than from Spring Security's events (servlet)
	 * @param recording runs a recording: here, or off the event loop
	 */
	SecurityObservationHandler(SecurityEventRecorder recorder, ObserverFailures failures, boolean authentications,
			Consumer<Runnable> recording) {
		this.recorder = recorder;
		this.failures = failures;
		failures.declare(COMPONENT);
		this.authentications = authentications;
		this.recording = recording;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AuthorizationObservationContext<?>
				|| (this.authentications && context instanceof AuthenticationObservationContext);
	}

	@Override
	public void onStop(Observation.Context context) {
		this.failures.run(COMPONENT, () -> stopped(context));
	}

	private void stopped(Observation.Context context) {
		if (context instanceof AuthenticationObservationContext authentication) {
			authenticated(authentication);
		}
		else if (context instanceof AuthorizationObservationContext<?> authorization
				&& authorization.getError() instanceof AccessDeniedException) {
			String principal = (authorization.getAuthentication() != null)
					? authorization.getAuthentication().getName() : null;
			String resource = SecuredResource.describe(authorization.getObject());
			record(() -> this.recorder.authorizationDenied(principal, resource));
		}
	}

	private void authenticated(AuthenticationObservationContext context) {
		Authentication request = context.getAuthenticationRequest();
		Authentication result = context.getAuthenticationResult();
		String clientIp = ReactiveClientIp.of(context);
		if (result != null && result.isAuthenticated()) {
			record(() -> this.recorder.authenticationSucceeded(result.getName(), clientIp));
		}
		else if (context.getError() instanceof AuthenticationException failure) {
			String principal = (request != null) ? request.getName() : null;
			record(() -> this.recorder.authenticationFailed(principal, clientIp,
					SpringSecurityEventsBridge.reason(failure)));
		}
	}

	private void record(Runnable recording) {
		this.recording.accept(() -> this.failures.run(COMPONENT, recording));
	}

	/** Kept apart so that reactive web types load only where reactive authentications are observed. */
	private static final class ReactiveClientIp {

		/** The address of the reactive request the observation happens in, up the chain of parents. */
		static @Nullable String of(Observation.ContextView context) {
			ObservationView parent = context.getParentObservation();
			while (parent != null) {
				if (parent.getContextView() instanceof ServerRequestObservationContext server) {
					ServerHttpRequest request = server.getCarrier();
					InetSocketAddress remote = (request != null) ? request.getRemoteAddress() : null;
					return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
							: null;
				}
				parent = parent.getContextView().getParentObservation();
			}
			return null;
		}

	}

}
