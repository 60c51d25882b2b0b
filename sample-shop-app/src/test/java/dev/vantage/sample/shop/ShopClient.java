package dev.vantage.sample.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Calls the running shop over HTTP on loopback, as a tenant and optionally as a user.
 */
final class ShopClient {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String tenantHeader;

	ShopClient(int port) {
		this(port, "X-Tenant-Id");
	}

	ShopClient(int port, String tenantHeader) {
		this.base = "http://127.0.0.1:" + port;
		this.tenantHeader = tenantHeader;
	}

	HttpResponse<String> get(String tenant, String path, String user, String password) {
		return send(request(tenant, path, user, password).GET());
	}

	HttpResponse<String> post(String tenant, String path, String user, String password, String json) {
		return send(request(tenant, path, user, password).header("Content-Type", "application/json")
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Sets the shop's chaos knobs, as its admin.
	 * @param paymentFailureRate share of payments that fail
	 * @param paymentLatencyMs latency of each payment call
	 * @param catalogFailures catalog searches that fail next with an exception nothing handles
	 * @param paymentOutage the payment provider's outage ({@code NONE}, {@code UNAVAILABLE}, {@code HANG})
	 */
	void chaos(double paymentFailureRate, int paymentLatencyMs, int catalogFailures, String paymentOutage) {
		HttpResponse<String> response = send(request("acme", "/api/admin/chaos", "admin", "admin")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"paymentFailureRate\":" + paymentFailureRate
					+ ",\"paymentLatencyMs\":" + paymentLatencyMs + ",\"dbLatencyMs\":0,\"paymentOutage\":\""
					+ paymentOutage + "\",\"catalogFailures\":" + catalogFailures + "}")));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("chaos knobs refused: " + response.statusCode() + " " + response.body());
		}
	}

	/** The id of the order a successful checkout answered with. */
	static String orderId(HttpResponse<String> placed) {
		return placed.body().replaceAll(".*\"id\":(\\d+).*", "$1");
	}

	String scrape() {
		return get("acme", "/actuator/prometheus", "prometheus", "prometheus").body();
	}

	private HttpRequest.Builder request(String tenant, String path, String user, String password) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header(this.tenantHeader, tenant);
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sums the samples of a series whose labels include every given pair. */
	static double sum(String scrape, String series, String... labelPairs) {
		double total = 0;
		for (String line : scrape.split("\n")) {
			if (!line.startsWith(series + "{") && !line.startsWith(series + " ")) {
				continue;
			}
			boolean matches = true;
			for (int i = 0; i < labelPairs.length; i += 2) {
				matches &= line.contains(labelPairs[i] + "=\"" + labelPairs[i + 1] + "\"");
			}
			if (matches) {
				String value = line.substring(line.lastIndexOf(' ') + 1);
				total += Double.parseDouble(value);
			}
		}
		return total;
	}

}
