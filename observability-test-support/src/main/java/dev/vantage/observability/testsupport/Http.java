package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP client for the application under test, on loopback. Every request goes on a
 * connection of its own (HTTP/1.1, {@code Connection: close}): on WebFlux (Boot 4.1.1 and
 * 4.0.8, Reactor Netty 1.3, with and without Vantage) a kept-alive connection is now and then no
 * longer read after an actuator response, about one request in several hundred, which made
 * the suites fail at random. The build allows the JDK client's restricted {@code Connection}
 * header ({@code jdk.httpclient.allowRestrictedHeaders}, set by the parent POM's Surefire).
 */
public final class Http {

	/** The OpenMetrics media type Prometheus asks for, the one that carries exemplars. */
	public static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final int port;

	public Http(int port) {
		this.port = port;
		this.base = "http://127.0.0.1:" + port;
	}

	public int port() {
		return this.port;
	}

	public HttpResponse<String> postJson(String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.version(HttpClient.Version.HTTP_1_1)
			.header("Connection", "close")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	/** Any method, with a body or none ({@code null}) and header name/value pairs. */
	public HttpResponse<String> send(String method, String path, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.version(HttpClient.Version.HTTP_1_1)
			.header("Connection", "close")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Scrape scrape() {
		return new Scrape(get("/actuator/prometheus").body());
	}

	public Scrape scrapeOpenMetrics() {
		return new Scrape(get("/actuator/prometheus", "Accept", OPEN_METRICS).body());
	}

}
