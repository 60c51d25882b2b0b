package dev.vantage.observability.autoconfigure.tenant;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Finds the tenant (shop, customer account) of an HTTP request. Declare a bean of this
 * type to replace the default, which reads the {@code observability.tenant.header} header.
 */
@FunctionalInterface
public interface TenantResolver {

	/**
	 * Returns the tenant of a request.
	 * @param request the request
	 * @return the tenant, or {@code null} when unknown
	 */
	@Nullable String resolveTenant(HttpServletRequest request);

}
