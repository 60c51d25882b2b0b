package dev.vantage.observability.autoconfigure.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;

import dev.vantage.observability.autoconfigure.support.GuardedObservationHandler;
import dev.vantage.observability.autoconfigure.tenant.TenantAttributes;
import dev.vantage.observability.cardinality.TagValues;
import dev.vantage.observability.errors.ErrorContext;
import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.support.ObserverFailures;

/**
 * Records the exception that ended an HTTP request when Boot's server observation
 * ({@code http.server.requests}) stops: the observation's error (unhandled when Boot's
 * observation saw it escape, else set by a handler) or, on Spring MVC, the exception a
 * handler resolved into a response, with the request for its group's sample (method, query,
 * allow-listed headers, tenant, principal, breadcrumbs); a client's mistake
 * ({@link ClientErrors}) is left to Boot's timer. A group's first sample goes to the logs
 * ({@link ErrorSampleLog}). {@link Servlet} and {@link Reactive} are where each stack keeps them. A
 * failure of its own is counted and skipped.
 * @param <C> the stack's server observation context
 */
abstract class HttpErrorObservationHandler<C extends Observation.Context> extends GuardedObservationHandler<C> {

	static final String COMPONENT = "http error tracking";

	/** Marks an observation whose error escaped every handler. */
	private static final Class<HttpErrorObservationHandler> UNHANDLED = HttpErrorObservationHandler.class;

	private final ErrorTracker tracker;

	private final ClientErrors clientErrors;

	private final List<String> headers;

	private final ErrorSampleLog samples;

	HttpErrorObservationHandler(ErrorTracker tracker, ClientErrors clientErrors, List<String> headers,
			ErrorSampleLog samples, ObserverFailures failures, Class<C> contextType) {
		super(COMPONENT, failures, contextType);
		this.tracker = tracker;
		this.clientErrors = clientErrors;
		this.headers = List.copyOf(headers);
		this.samples = samples;
	}

	@Override
	public void onError(C context) {
		context.put(UNHANDLED, Boolean.TRUE);
	}

	@Override
	protected void stopped(C context) {
		Throwable error = context.getError();
		if (error == null) {
			error = resolved(context);
		}
		if (error != null) {
			boolean handled = context.get(UNHANDLED) == null || error instanceof ErrorResponse;
			int status = status(context, error, handled);
			if (!this.clientErrors.isClientError(error, status)) {
				this.samples.report(this.tracker.recordHttp(error, handled, status, route(context), TraceIds.of(context),
						request(context)));
			}
		}
	}

	/** The exception a handler resolved into a response, where the stack keeps it. */
	abstract @Nullable Throwable resolved(C context);

	abstract int status(C context, Throwable error, boolean handled);

	abstract @Nullable String route(C context);

	/** The request as the group's sample shows it. */
	abstract ErrorContext request(C context);

	ErrorContext request(@Nullable String method, @Nullable String query, UnaryOperator<@Nullable String> header,
			@Nullable Object tenant, @Nullable Object principal, C context) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : this.headers) {
			String value = header.apply(name);
			if (value != null) {
				values.put(name, value);
			}
		}
		return new ErrorContext(method, query, values,
				(tenant instanceof String name && !TagValues.NONE.equals(name)) ? name : null,
				(principal instanceof String name) ? name : null, RequestBreadcrumbs.of(context));
	}

	/** Spring MVC: Boot's filter sets 500 for an exception that escaped; resolved ones are request attributes. */
	static final class Servlet
			extends HttpErrorObservationHandler<org.springframework.http.server.observation.ServerRequestObservationContext> {

		Servlet(ErrorTracker tracker, ClientErrors clientErrors, List<String> headers, ErrorSampleLog samples,
				ObserverFailures failures) {
			super(tracker, clientErrors, headers, samples, failures,
					org.springframework.http.server.observation.ServerRequestObservationContext.class);
		}

		@Override
		@Nullable Throwable resolved(org.springframework.http.server.observation.ServerRequestObservationContext context) {
			HttpServletRequest request = context.getCarrier();
			return (request != null) ? ResolvedErrors.of(request) : null;
		}

		@Override
		int status(org.springframework.http.server.observation.ServerRequestObservationContext context, Throwable error,
				boolean handled) {
			HttpServletResponse response = context.getResponse();
			return (response != null) ? response.getStatus() : 500;
		}

		@Override
		@Nullable String route(org.springframework.http.server.observation.ServerRequestObservationContext context) {
			return context.getPathPattern();
		}

		@Override
		ErrorContext request(org.springframework.http.server.observation.ServerRequestObservationContext context) {
			HttpServletRequest request = context.getCarrier();
			if (request == null) {
				return request(null, null, (name) -> null, null, null, context);
			}
			return request(request.getMethod(), request.getQueryString(), request::getHeader,
					request.getAttribute(TenantAttributes.NAME), request.getAttribute(ResolvedErrors.PRINCIPAL), context);
		}

	}

	/**
	 * WebFlux: an error reaches the observation when it escaped to the web exception handlers
	 * (Boot's error handler among them); one that carries its own status ({@link ErrorResponse},
	 * such as {@code ResponseStatusException}) counts as handled, with that status.
	 */
	static final class Reactive extends
			HttpErrorObservationHandler<org.springframework.http.server.reactive.observation.ServerRequestObservationContext> {

		Reactive(ErrorTracker tracker, ClientErrors clientErrors, List<String> headers, ErrorSampleLog samples,
				ObserverFailures failures) {
			super(tracker, clientErrors, headers, samples, failures,
					org.springframework.http.server.reactive.observation.ServerRequestObservationContext.class);
		}

		@Override
		@Nullable Throwable resolved(
				org.springframework.http.server.reactive.observation.ServerRequestObservationContext context) {
			return null;
		}

		@Override
		int status(org.springframework.http.server.reactive.observation.ServerRequestObservationContext context,
				Throwable error, boolean handled) {
			if (error instanceof ErrorResponse response) {
				return response.getStatusCode().value();
			}
			ServerHttpResponse response = context.getResponse();
			HttpStatusCode status = (response != null) ? response.getStatusCode() : null;
			return (status != null && (handled || status.isError())) ? status.value() : 500;
		}

		@Override
		@Nullable String route(
				org.springframework.http.server.reactive.observation.ServerRequestObservationContext context) {
			return context.getPathPattern();
		}

		@Override
		ErrorContext request(
				org.springframework.http.server.reactive.observation.ServerRequestObservationContext context) {
			ServerHttpRequest request = context.getCarrier();
			Map<String, Object> attributes = context.getAttributes();
			if (request == null) {
				return request(null, null, (name) -> null, attributes.get(TenantAttributes.NAME),
						attributes.get(ErrorPrincipals.ATTRIBUTE), context);
			}
			return request(request.getMethod().name(), request.getURI().getRawQuery(),
					(name) -> request.getHeaders().getFirst(name), attributes.get(TenantAttributes.NAME),
					attributes.get(ErrorPrincipals.ATTRIBUTE), context);
		}

	}

}
