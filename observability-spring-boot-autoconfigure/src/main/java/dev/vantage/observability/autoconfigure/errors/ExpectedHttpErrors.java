package dev.vantage.observability.autoconfigure.errors;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.support.ObserverFailures;

/**
 * WebFlux: first of the web exception handlers, tells the tracker that the request will
 * record this exception when its observation stops, so that Boot's error handler logging it
 * in between does not count it twice; then hands the same exception on, handling nothing.
 */
final class ExpectedHttpErrors implements WebExceptionHandler, Ordered {

	private final ErrorTracker tracker;

	private final ObserverFailures failures;

	ExpectedHttpErrors(ErrorTracker tracker, ObserverFailures failures) {
		this.tracker = tracker;
		this.failures = failures;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		this.failures.run(HttpErrorObservationHandler.COMPONENT, () -> this.tracker.expectHttp(ex));
		return Mono.error(ex);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
