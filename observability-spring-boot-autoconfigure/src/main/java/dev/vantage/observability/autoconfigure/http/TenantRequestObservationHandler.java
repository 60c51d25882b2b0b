package dev.vantage.observability.autoconfigure.http;

import dev.vantage.observability.autoconfigure.support.GuardedObservationHandler;
import dev.vantage.observability.autoconfigure.tenant.TenantAttributes;
import dev.vantage.observability.http.TenantRequestMetrics;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;

/**
 * Times each request that Boot's HTTP server observation ({@code http.server.requests}) times
 * into {@code http.server.tenant.requests}, with the tenant the tenant filter left on the
 * request: one start and one stop for both meters, async requests, errors and cancellations as
 * Boot's observation filter handles them, on Spring MVC and WebFlux alike. The two stacks
 * differ only in where the tenant and the status are; {@link Servlet} and {@link Reactive}
 * are those adapters. A failure of its own is counted and skipped.
 * @param <C> the stack's server observation context
 */
abstract class TenantRequestObservationHandler<C extends Observation.Context> extends GuardedObservationHandler<C> {

	private static final String COMPONENT = "tenant request timer";

	/** The key of the start time in the observation context. */
	private static final Class<TenantRequestObservationHandler> START = TenantRequestObservationHandler.class;

	private final TenantRequestMetrics metrics;

	TenantRequestObservationHandler(TenantRequestMetrics metrics, ObserverFailures failures, Class<C> contextType) {
		super(COMPONENT, failures, contextType);
		this.metrics = metrics;
	}

	@Override
	public void onStart(C context) {
		context.put(START, System.nanoTime());
	}

	@Override
	protected void stopped(C context) {
		Long start = context.get(START);
		if (start != null) {
			stopped(context, this.metrics, System.nanoTime() - start);
		}
	}

	/**
	 * Records the request.
	 * @param context the stopped observation's context
	 * @param metrics where it is recorded
	 * @param nanos how long it ran
	 */
	abstract void stopped(C context, TenantRequestMetrics metrics, long nanos);

	/** Spring MVC: the tenant is a request attribute; Boot's filter sets 500 for an exception it saw. */
	static final class Servlet
			extends TenantRequestObservationHandler<org.springframework.http.server.observation.ServerRequestObservationContext> {

		Servlet(TenantRequestMetrics metrics, ObserverFailures failures) {
			super(metrics, failures, org.springframework.http.server.observation.ServerRequestObservationContext.class);
		}

		@Override
		void stopped(org.springframework.http.server.observation.ServerRequestObservationContext context,
				TenantRequestMetrics metrics, long nanos) {
			HttpServletRequest request = context.getCarrier();
			HttpServletResponse response = context.getResponse();
			String tenant = TenantAttributes.tenant((request != null) ? request.getAttribute(TenantAttributes.NAME) : null);
			if (response == null) {
				metrics.recordCancelled(tenant, nanos);
			}
			else {
				metrics.record(tenant, response.getStatus(), context.getError() != null, nanos);
			}
		}

	}

	/**
	 * WebFlux: the tenant is an exchange attribute; an error that carries a status (a
	 * {@link ResponseStatusException}) counts with that status, any other as a server error; a
	 * cancelled exchange counts as {@code UNKNOWN}, as in Boot's {@code http.server.requests}.
	 */
	static final class Reactive extends
			TenantRequestObservationHandler<org.springframework.http.server.reactive.observation.ServerRequestObservationContext> {

		Reactive(TenantRequestMetrics metrics, ObserverFailures failures) {
			super(metrics, failures,
					org.springframework.http.server.reactive.observation.ServerRequestObservationContext.class);
		}

		@Override
		void stopped(org.springframework.http.server.reactive.observation.ServerRequestObservationContext context,
				TenantRequestMetrics metrics, long nanos) {
			String tenant = TenantAttributes.tenant(context.getAttributes());
			if (context.isConnectionAborted()) {
				metrics.recordCancelled(tenant, nanos);
			}
			else if (context.getError() instanceof ResponseStatusException statusError) {
				metrics.record(tenant, statusError.getStatusCode().value(), false, nanos);
			}
			else if (context.getError() != null) {
				metrics.record(tenant, 500, true, nanos);
			}
			else {
				ServerHttpResponse response = context.getResponse();
				HttpStatusCode status = (response != null) ? response.getStatusCode() : null;
				metrics.record(tenant, (status != null) ? status.value() : 200, false, nanos);
			}
		}

	}

}
