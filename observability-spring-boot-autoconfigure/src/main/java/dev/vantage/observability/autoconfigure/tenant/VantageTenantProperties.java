package dev.vantage.observability.autoconfigure.tenant;

import java.util.ArrayList;
import java.util.List;

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

	/**
	 * Tenant ids the header may name; any other value is recorded as 'unknown'. Empty trusts the
	 * header from anyone.
	 */
	private List<String> allowed = new ArrayList<>();

	public List<String> getAllowed() {
		return this.allowed;
	}

	public void setAllowed(List<String> allowed) {
		this.allowed = allowed;
	}

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = PropertyChecks.notBlank(PREFIX + ".header", header);
	}

}
