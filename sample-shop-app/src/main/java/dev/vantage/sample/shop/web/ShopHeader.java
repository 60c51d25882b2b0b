package dev.vantage.sample.shop.web;

/**
 * The request header naming the shop a request is for. The shop reads it itself, so that it
 * keeps working with Vantage switched off; Vantage reads the same header for its
 * {@code tenant} tag.
 */
public final class ShopHeader {

	/** The header. */
	public static final String NAME = "X-Tenant-Id";

	/** The shop of a request without the header, which has no catalog and no customers. */
	public static final String NONE = "none";

	private ShopHeader() {
	}

}
