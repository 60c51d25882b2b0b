package dev.vantage.observability.autoconfigure.errors;

import java.security.Principal;

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
			// Deferred, so that even a principal lookup that throws ends in the same error, unchanged.
			.onErrorResume((error) -> Mono.defer(() -> exchange.<Principal>getPrincipal())
				.doOnNext((principal) -> {
					String name = principal.getName();
					if (name != null) {
						exchange.getAttributes().put(ATTRIBUTE, name);
					}
				})
				.onErrorResume((ignored) -> Mono.empty())
				.then(Mono.error(error)));
	}

	@Override
	public int getOrder() {
		return FilterOrder.ERROR_PRINCIPAL;
	}

}
