package dev.vantage.observability.autoconfigure.tenant;

import dev.vantage.observability.autoconfigure.support.PropertyChecks;
import dev.vantage.observability.tenant.HeaderTenantResolver;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the tenant of a request is found, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageTenantProperties.PREFIX)
public class VantageTenantProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.tenant";

	/** Request header that carries the tenant (shop, customer account). */
	private String header = HeaderTenantResolver.DEFAULT_HEADER;

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = PropertyChecks.notBlank(PREFIX + ".header", header);
	}

}
