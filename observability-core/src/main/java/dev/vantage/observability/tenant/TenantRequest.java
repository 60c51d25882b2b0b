package dev.vantage.observability.tenant;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link TenantResolver} may read of an incoming request; each web stack adapts its
 * own request type to it.
 */
public interface TenantRequest {

	/**
	 * Returns the first value of a request header.
	 * @param name the header name, matched ignoring case
	 * @return the value, or {@code null} when absent
	 */
	@Nullable String header(String name);

	/**
	 * Returns the request path, without query string.
	 * @return the path
	 */
	String path();

}
