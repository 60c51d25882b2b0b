package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP endpoint on loopback that records every Alertmanager webhook notification, with
 * the path and the Authorization header it came with.
 */
public final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Notification> notifications = new CopyOnWriteArrayList<>();

	public WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.notifications.add(new Notification(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"), json.readTree(body)));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public List<Notification> notifications() {
		return List.copyOf(this.notifications);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One notification.
	 *
	 * @param path the path it was sent to (the receiver)
	 * @param authorization the Authorization header
	 * @param payload the webhook payload
	 */
	public record Notification(String path, String authorization, JsonNode payload) {

		public boolean has(String status, String alertname) {
			if (!status.equals(this.payload.path("status").asString())) {
				return false;
			}
			for (JsonNode alert : this.payload.path("alerts")) {
				if (alertname.equals(alert.path("labels").path("alertname").asString())) {
					return true;
				}
			}
			return false;
		}

	}

}
