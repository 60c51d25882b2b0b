package dev.vantage.observability.tenant;

import org.jspecify.annotations.Nullable;

/**
 * Reads the tenant from a request header.
 */
public final class HeaderTenantResolver implements TenantResolver {

	/** The header read when none is configured. */
	public static final String DEFAULT_HEADER = "X-Tenant-Id";

	private final String header;

	/**
	 * Creates a resolver.
	 * @param header the header name, not blank
	 */
	public HeaderTenantResolver(String header) {
		if (header == null || header.isBlank()) {
			throw new IllegalArgumentException("'header' must not be blank, was '" + header + "'");
		}
		this.header = header;
	}

	@Override
	public @Nullable String resolveTenant(TenantRequest request) {
		return request.header(this.header);
	}

}
