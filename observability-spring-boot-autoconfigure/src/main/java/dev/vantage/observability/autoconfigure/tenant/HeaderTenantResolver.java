package dev.vantage.observability.autoconfigure.tenant;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads the tenant from a request header.
 */
public final class HeaderTenantResolver implements TenantResolver {

	private final String header;

	/**
	 * Creates a resolver.
	 * @param header the header name
	 */
	public HeaderTenantResolver(String header) {
		this.header = header;
	}

	@Override
	public @Nullable String resolveTenant(HttpServletRequest request) {
		return request.getHeader(this.header);
	}

}
