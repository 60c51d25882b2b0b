package dev.vantage.observability.autoconfigure.support;

import org.springframework.core.Ordered;

/**
 * The order of every servlet filter and web filter Vantage registers, in one place. Boot's
 * server observation filter runs at {@code HIGHEST_PRECEDENCE + 1}; Spring Security's chain
 * at {@code -100}. Each Vantage filter has the same order on both web stacks.
 */
public final class FilterOrder {

	/** Right after Boot's observation filter, so the tenant is known to everything else. */
	public static final int TENANT = Ordered.HIGHEST_PRECEDENCE + 2;

	/** After the tenant, before Spring Security, so that refused and denied requests are seen too. */
	public static final int SUSPICIOUS_REQUEST = TENANT + 2;

	/** Before Spring Security, which would otherwise ask a browser's beacon to authenticate. */
	public static final int RUM = TENANT + 3;

	/** After Spring Security, where a request's principal is known (WebFlux's error sample). */
	public static final int ERROR_PRINCIPAL = Ordered.LOWEST_PRECEDENCE;

	private FilterOrder() {
	}

}
