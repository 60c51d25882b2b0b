package dev.vantage.observability.health;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Checks an HTTP dependency with a GET; UP when it answers with the expected status (any
 * 2xx by default) within its timeout.
 */
public final class HttpDependencyCheck extends AbstractDependencyCheck {

	private final URI url;

	private final Duration timeout;

	private final int expectedStatus;

	private final HttpClient client;

	/**
	 * Creates the check.
	 * @param name the dependency's name
	 * @param url the URL to GET
	 * @param critical whether it takes readiness down
	 * @param timeout how long the request may take
	 * @param expectedStatus the status that means UP, or 0 for any 2xx
	 * @param client the client to use, shared by every HTTP check
	 */
	public HttpDependencyCheck(String name, URI url, boolean critical, Duration timeout, int expectedStatus,
			HttpClient client) {
		super(name, critical);
		if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
			throw new IllegalArgumentException("'url' must be an http or https URL, was " + sanitize(url));
		}
		this.url = url;
		this.timeout = timeout;
		this.expectedStatus = expectedStatus;
		this.client = client;
	}

	@Override
	public void probe() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.url).timeout(this.timeout).GET().build();
		HttpResponse<Void> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (HttpTimeoutException ex) {
			throw new IOException("timed out after " + this.timeout.toMillis() + " ms", ex);
		}
		int status = response.statusCode();
		boolean expected = (this.expectedStatus != 0) ? status == this.expectedStatus : status / 100 == 2;
		if (!expected) {
			throw new IOException("unexpected status " + status);
		}
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("url", sanitize(this.url));
	}

	/**
	 * Removes credentials, query and fragment from a URL, so that it can be shown.
	 * @param url the URL
	 * @return the URL without user info, query or fragment
	 */
	public static String sanitize(URI url) {
		try {
			return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return url.getScheme() + "://" + url.getHost();
		}
	}

}
