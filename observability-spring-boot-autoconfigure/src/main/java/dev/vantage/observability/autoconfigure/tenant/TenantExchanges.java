package dev.vantage.observability.autoconfigure.tenant;

import dev.vantage.observability.cardinality.TagValues;

import org.springframework.web.server.ServerWebExchange;

/**
 * Where the tenant of a WebFlux exchange is kept, for the adapters that need it after the
 * chain ran (the per-tenant meter). Internal to the starter.
 */
public final class TenantExchanges {

	/** The exchange attribute holding the resolved, sanitized tenant. */
	static final String ATTRIBUTE = TenantExchanges.class.getName() + ".tenant";

	private TenantExchanges() {
	}

	/**
	 * Returns the tenant of an exchange.
	 * @param exchange the exchange
	 * @return the tenant, or {@value TagValues#NONE} when unknown
	 */
	public static String tenant(ServerWebExchange exchange) {
		return exchange.getAttributeOrDefault(ATTRIBUTE, TagValues.NONE);
	}

}
