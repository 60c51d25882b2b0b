package dev.vantage.observability.autoconfigure.errors;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.vantage.observability.autoconfigure.support.FilterOrder;

/**
 * WebFlux: when an error leaves the chain, notes the exchange's principal (known inside
 * Spring Security's filter, after which this filter runs) on its attributes for the error's
 * sample, then hands the same error on. A request that does not fail reads nothing.
 */
final class ErrorPrincipals implements WebFilter, Ordered {

	static final String ATTRIBUTE = ErrorPrincipals.class.getName() + ".principal";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange)
			.onErrorResume((error) -> exchange.getPrincipal()
				.doOnNext((principal) -> exchange.getAttributes().put(ATTRIBUTE, principal.getName()))
				.onErrorResume((ignored) -> Mono.empty())
				.then(Mono.error(error)));
	}

	@Override
	public int getOrder() {
		return FilterOrder.ERROR_PRINCIPAL;
	}

}
