package dev.vantage.observability.autoconfigure.tenant;

import java.util.Map;

import dev.vantage.observability.cardinality.TagValues;
import org.jspecify.annotations.Nullable;

/**
 * Where the tenant of a request is kept once the tenant filter has run, for what reads it after
 * the chain (the per-tenant timer, at the end of Boot's server observation): an attribute of
 * the servlet request or of the WebFlux exchange. Internal to the starter.
 */
public final class TenantAttributes {

	/** The request or exchange attribute holding the resolved, sanitized tenant. */
	public static final String NAME = TenantAttributes.class.getName() + ".tenant";

	private TenantAttributes() {
	}

	/**
	 * Returns the tenant kept in attributes.
	 * @param attributes an exchange's attributes
	 * @return the tenant, or {@value TagValues#NONE} when unknown
	 */
	public static String tenant(Map<String, Object> attributes) {
		return tenant(attributes.get(NAME));
	}

	/**
	 * Returns the tenant an attribute holds.
	 * @param attribute the value of the {@link #NAME} attribute, if any
	 * @return the tenant, or {@value TagValues#NONE} when unknown
	 */
	public static String tenant(@Nullable Object attribute) {
		return (attribute instanceof String tenant) ? tenant : TagValues.NONE;
	}

}
