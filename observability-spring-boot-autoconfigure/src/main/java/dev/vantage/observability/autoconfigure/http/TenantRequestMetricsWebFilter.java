package dev.vantage.observability.autoconfigure.http;

import dev.vantage.observability.autoconfigure.tenant.TenantExchanges;
import dev.vantage.observability.http.TenantRequestMetrics;
import dev.vantage.observability.support.ObserverFailures;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Times each WebFlux exchange into {@code http.server.tenant.requests}, the reactive twin of
 * the servlet filter: the same {@link TenantRequestMetrics}, the tenant the exchange was
 * resolved to. An error that carries a status (a {@link ResponseStatusException}) counts with
 * that status, any other error as a server error, as the servlet side sees them; a cancelled
 * exchange counts as {@code UNKNOWN}, as in Boot's {@code http.server.requests}.
 */
final class TenantRequestMetricsWebFilter implements WebFilter {

	private static final String COMPONENT = "tenant request timer";

	private final TenantRequestMetrics metrics;

	private final ObserverFailures failures;

	TenantRequestMetricsWebFilter(TenantRequestMetrics metrics, ObserverFailures failures) {
		this.metrics = metrics;
		this.failures = failures;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		// Recorded before the signal travels on, so the meter is current when the response is.
		return chain.filter(exchange)
			.doOnSuccess((done) -> record(exchange, start, null))
			.doOnError((error) -> record(exchange, start, error))
			.doOnCancel(() -> this.failures.run(COMPONENT,
					() -> this.metrics.recordCancelled(TenantExchanges.tenant(exchange), System.nanoTime() - start)));
	}

	private void record(ServerWebExchange exchange, long start, @Nullable Throwable error) {
		this.failures.run(COMPONENT, () -> recordNow(exchange, start, error));
	}

	private void recordNow(ServerWebExchange exchange, long start, @Nullable Throwable error) {
		long nanos = System.nanoTime() - start;
		String tenant = TenantExchanges.tenant(exchange);
		if (error instanceof ResponseStatusException statusError) {
			this.metrics.record(tenant, statusError.getStatusCode().value(), false, nanos);
		}
		else if (error != null) {
			this.metrics.record(tenant, 500, true, nanos);
		}
		else {
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			this.metrics.record(tenant, (status != null) ? status.value() : 200, false, nanos);
		}
	}

}
