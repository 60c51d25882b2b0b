package dev.vantage.observability.http;

/**
 * The names of the HTTP meters Vantage enriches or records.
 */
public final class HttpMeters {

	/** The timer Boot's server observation records (Spring MVC and WebFlux). */
	public static final String SERVER_REQUESTS = "http.server.requests";

	/** The timer Boot's client observation records (RestClient, RestTemplate, WebClient). */
	public static final String CLIENT_REQUESTS = "http.client.requests";

	/** Vantage's per-tenant server timer, without buckets. */
	public static final String TENANT_REQUESTS = "http.server.tenant.requests";

	private HttpMeters() {
	}

}
