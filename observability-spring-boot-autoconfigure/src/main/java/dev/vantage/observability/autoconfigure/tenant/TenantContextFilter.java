package dev.vantage.observability.autoconfigure.tenant;

import java.io.IOException;

import dev.vantage.observability.tenant.TenantContext;
import dev.vantage.observability.tenant.TenantRequest;
import dev.vantage.observability.tenant.TenantResolver;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the tenant of each request current in {@link TenantContext} (and the logging MDC)
 * for the time the request is handled, and leaves it on the request ({@link TenantAttributes}).
 */
final class TenantContextFilter extends OncePerRequestFilter {

	private final TenantResolver resolver;

	TenantContextFilter(TenantResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try (TenantContext.Scope scope = TenantContext.open(this.resolver.resolveTenant(new ServletRequest(request)))) {
			try {
				chain.doFilter(request, response);
			}
			finally {
				// The tenant current when the request ends (domain code may have set it), for the
				// per-tenant timer at the end of Boot's server observation, which outlives this filter.
				request.setAttribute(TenantAttributes.NAME, TenantContext.current());
			}
		}
	}

	/** A servlet request as a {@link TenantResolver} sees it. */
	private record ServletRequest(HttpServletRequest request) implements TenantRequest {

		@Override
		public @Nullable String header(String name) {
			return this.request.getHeader(name);
		}

		@Override
		public String path() {
			return this.request.getRequestURI();
		}

	}

}
