package dev.vantage.observability.tenant;

import java.util.Set;

import dev.vantage.observability.support.Arguments;
import org.jspecify.annotations.Nullable;

/**
 * Reads the tenant from a request header. The header is caller input: anyone can send any
 * value. With an allow-list, a value outside it becomes {@value #UNTRUSTED}, so a caller can
 * neither put its requests under another tenant it was not given nor fill the tenant tags
 * with junk.
 */
public final class HeaderTenantResolver implements TenantResolver {

	/** The header read when none is configured. */
	public static final String DEFAULT_HEADER = "X-Tenant-Id";

	/** The tenant of a request whose header names a tenant no rule admits. */
	public static final String UNTRUSTED = "unknown";

	private final String header;

	private final Set<String> allowed;

	/**
	 * Creates a resolver that takes any value.
	 * @param header the header name, not blank
	 */
	public HeaderTenantResolver(String header) {
		this(header, Set.of());
	}

	/**
	 * Creates a resolver.
	 * @param header the header name, not blank
	 * @param allowed the tenant ids admitted; empty admits any value
	 */
	public HeaderTenantResolver(String header, Set<String> allowed) {
		if (header == null || header.isBlank()) {
			throw new IllegalArgumentException("'header' must not be blank, was '" + header + "'");
		}
		this.header = header;
		this.allowed = Set.copyOf(Arguments.requireNonNull(allowed, "allowed"));
	}

	@Override
	public @Nullable String resolveTenant(TenantRequest request) {
		String tenant = request.header(this.header);
		if (tenant == null || this.allowed.isEmpty() || this.allowed.contains(tenant.strip())) {
			return tenant;
		}
		return UNTRUSTED;
	}

}
