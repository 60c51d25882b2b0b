package dev.vantage.observability.autoconfigure.tenant;

import java.io.IOException;

import dev.vantage.observability.tenant.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the tenant of each request current in {@link TenantContext} (and the logging MDC)
 * for the time the request is handled.
 */
public final class TenantContextFilter extends OncePerRequestFilter {

	private final TenantResolver resolver;

	/**
	 * Creates the filter.
	 * @param resolver finds the tenant of a request
	 */
	public TenantContextFilter(TenantResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try (TenantContext.Scope scope = TenantContext.open(this.resolver.resolveTenant(request))) {
			chain.doFilter(request, response);
		}
	}

}
