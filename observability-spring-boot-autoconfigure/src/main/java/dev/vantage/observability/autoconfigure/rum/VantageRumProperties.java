package dev.vantage.observability.autoconfigure.rum;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.autoconfigure.support.PropertyChecks;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Real-user monitoring: the browser script and the beacon endpoint, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageRumProperties.PREFIX)
public class VantageRumProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.rum";

	/** Whether the RUM script and beacon endpoint are served (off unless set: the endpoint is public). */
	private boolean enabled;

	/** Path of the beacon endpoint (POST). */
	private String path = "/vantage/rum";

	/** Path of the browser script. */
	private String scriptPath = "/vantage/rum.js";

	/** Route templates recorded as the page tag; any other page is recorded as other. */
	private List<String> pages = new ArrayList<>();

	/** Origins besides the service's own whose pages may report (CORS), for example https://www.example.com. */
	private List<String> allowedOrigins = new ArrayList<>();

	/** Largest beacon body accepted; larger ones are answered 413. */
	private DataSize maxBodySize = DataSize.ofKilobytes(16);

	/** Beacons accepted per client address and rate-limit window; more are answered 429. */
	private int maxBeaconsPerClient = 60;

	/** The window of the per-client rate limit. */
	private Duration rateLimitWindow = Duration.ofMinutes(1);

	/** The most client addresses the rate limit follows at once (bounds memory under a flood). */
	private int maxTrackedClients = 10_000;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = PropertyChecks.path(PREFIX + ".path", path);
	}

	public String getScriptPath() {
		return this.scriptPath;
	}

	public void setScriptPath(String scriptPath) {
		this.scriptPath = PropertyChecks.path(PREFIX + ".script-path", scriptPath);
	}

	public List<String> getPages() {
		return this.pages;
	}

	public void setPages(List<String> pages) {
		pages.forEach((page) -> PropertyChecks.path(PREFIX + ".pages", page));
		this.pages = new ArrayList<>(pages);
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		for (String origin : allowedOrigins) {
			URI uri = parse(origin);
			if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
					|| uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()
							&& !uri.getRawPath().equals("/"))) {
				throw new IllegalArgumentException("'" + PREFIX + ".allowed-origins' must list origins such as "
						+ "https://www.example.com (scheme, host and optional port), was '" + origin + "'");
			}
		}
		this.allowedOrigins = new ArrayList<>(allowedOrigins);
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		PropertyChecks.positive(PREFIX + ".max-body-size", maxBodySize);
		if (maxBodySize.toBytes() > DataSize.ofMegabytes(1).toBytes()) {
			throw new IllegalArgumentException("'" + PREFIX + ".max-body-size' must be at most 1MB, was " + maxBodySize);
		}
		this.maxBodySize = maxBodySize;
	}

	public int getMaxBeaconsPerClient() {
		return this.maxBeaconsPerClient;
	}

	public void setMaxBeaconsPerClient(int maxBeaconsPerClient) {
		this.maxBeaconsPerClient = PropertyChecks.atLeastOne(PREFIX + ".max-beacons-per-client", maxBeaconsPerClient);
	}

	public Duration getRateLimitWindow() {
		return this.rateLimitWindow;
	}

	public void setRateLimitWindow(Duration rateLimitWindow) {
		this.rateLimitWindow = PropertyChecks.positive(PREFIX + ".rate-limit-window", rateLimitWindow);
	}

	public int getMaxTrackedClients() {
		return this.maxTrackedClients;
	}

	public void setMaxTrackedClients(int maxTrackedClients) {
		this.maxTrackedClients = PropertyChecks.atLeastOne(PREFIX + ".max-tracked-clients", maxTrackedClients);
	}

	private static @Nullable URI parse(String origin) {
		try {
			return new URI(origin);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
