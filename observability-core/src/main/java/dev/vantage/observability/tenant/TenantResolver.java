package dev.vantage.observability.tenant;

import org.jspecify.annotations.Nullable;

/**
 * Finds the tenant (shop, customer account) of an incoming request, on Spring MVC and
 * WebFlux alike. Declare a bean of this type to replace the default, which reads the
 * {@code observability.tenant.header} header.
 */
@FunctionalInterface
public interface TenantResolver {

	/**
	 * Returns the tenant of a request.
	 * @param request the request, whatever the web stack
	 * @return the tenant, or {@code null} when unknown
	 */
	@Nullable String resolveTenant(TenantRequest request);

}
