package dev.vantage.observability.autoconfigure.tenant;

import dev.vantage.observability.cardinality.TagValues;
import dev.vantage.observability.tenant.TenantRequest;
import dev.vantage.observability.tenant.TenantResolver;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Resolves the tenant of each WebFlux exchange with the same {@link TenantResolver} as on
 * servlet stacks, keeps it as an exchange attribute (for the per-tenant meter) and puts it in
 * the Reactor context, from where context propagation makes it current
 * ({@code TenantContext} and the logging MDC) on whatever thread the chain continues. It
 * reads headers only: nothing here blocks.
 */
final class TenantWebFilter implements WebFilter {

	private final TenantResolver resolver;

	TenantWebFilter(TenantResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String tenant = TagValues.sanitize(this.resolver.resolveTenant(new ExchangeRequest(exchange.getRequest())));
		if (TagValues.NONE.equals(tenant)) {
			return chain.filter(exchange);
		}
		exchange.getAttributes().put(TenantAttributes.NAME, tenant);
		return chain.filter(exchange).contextWrite((context) -> context.put(TenantThreadLocalAccessor.KEY, tenant));
	}

	/** A WebFlux request as a {@link TenantResolver} sees it. */
	private record ExchangeRequest(ServerHttpRequest request) implements TenantRequest {

		@Override
		public @Nullable String header(String name) {
			return this.request.getHeaders().getFirst(name);
		}

		@Override
		public String path() {
			return this.request.getPath().value();
		}

	}

}
