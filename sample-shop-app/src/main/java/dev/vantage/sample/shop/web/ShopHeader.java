package dev.vantage.sample.shop.web;

import dev.vantage.observability.tenant.HeaderTenantResolver;

/**
 * The request header naming the shop a request is for: the one configured for Vantage's
 * {@code tenant} tag ({@code observability.tenant.header}), so that the shop's tenancy and
 * its meters always agree. The shop reads it itself, so that it keeps working with Vantage
 * switched off.
 */
public final class ShopHeader {

	/** The header's name, a placeholder that request mappings and {@code @Value} resolve. */
	public static final String NAME = "${observability.tenant.header:" + HeaderTenantResolver.DEFAULT_HEADER + "}";

	/** The shop of a request without the header, which has no catalog and no customers. */
	public static final String NONE = "none";

	private ShopHeader() {
	}

}
