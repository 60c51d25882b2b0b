package dev.vantage.observability.autoconfigure.rum;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vantage.observability.rum.Beacon;
import dev.vantage.observability.rum.Rejection;
import dev.vantage.observability.rum.RumIntake;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.cors.CorsConfiguration;

/**
 * What the RUM paths answer, shared by the servlet filter and the WebFlux filter, which only
 * move bytes: the script, and beacons, checked in order of cost (origin and rate limit
 * before the body is read, its size before it is parsed). CORS headers and preflights are
 * Spring's CORS processors' work, on {@link #cors()}; the script's ETag is Spring's
 * {@code checkNotModified}.
 */
final class RumEndpoint {

	private static final Logger logger = LoggerFactory.getLogger(RumEndpoint.class);

	/** How long a browser may keep a preflight's answer. */
	private static final Duration CORS_MAX_AGE = Duration.ofDays(1);

	private final RumIntake intake;

	private final String path;

	private final String scriptPath;

	private final long maxBodySize;

	private final RumScript script;

	private final CorsConfiguration cors = new CorsConfiguration();

	/** Spring's forwarded-header filter trusts the headers from anyone; it is warned about at startup. */
	private final boolean frameworkForwardedHeaders;

	private volatile boolean warnedForwarded;

	RumEndpoint(RumIntake intake, VantageRumProperties properties, RumScript script,
			boolean frameworkForwardedHeaders) {
		this.frameworkForwardedHeaders = frameworkForwardedHeaders;
		this.intake = intake;
		this.path = properties.getPath();
		this.scriptPath = properties.getScriptPath();
		this.maxBodySize = properties.getMaxBodySize().toBytes();
		this.script = script;
		this.cors.setAllowedOrigins(properties.getAllowedOrigins());
		this.cors.setAllowedMethods(List.of("POST"));
		this.cors.setAllowedHeaders(List.of("Content-Type"));
		this.cors.setMaxAge(CORS_MAX_AGE);
	}

	/** Whether a path (within the application) is the beacon endpoint. */
	boolean isBeacon(String path) {
		return this.path.equals(path);
	}

	/** Whether a path (within the application) is the script. */
	boolean isScript(String path) {
		return this.scriptPath.equals(path);
	}

	/** The most bytes a beacon body may have. */
	long maxBodySize() {
		return this.maxBodySize;
	}

	/** The script's entity tag, for the stacks' {@code checkNotModified}. */
	String scriptEtag() {
		return this.script.etag();
	}

	/** How long a cache may keep the script. */
	String scriptCacheControl() {
		return "public, max-age=3600";
	}

	/** Answers a request for the script that is not answered 304 (Not Modified). */
	Reply script(String method) {
		if (!isScriptMethod(method)) {
			return Reply.status(405).header("Allow", "GET, HEAD");
		}
		return Reply.status(200)
			.header("Content-Type", "text/javascript;charset=UTF-8")
			.header("Cache-Control", scriptCacheControl())
			.body(method.equals("GET") ? this.script.bytes() : new byte[0]);
	}

	/** Whether the script may be asked for with a method. */
	static boolean isScriptMethod(String method) {
		return method.equals("GET") || method.equals("HEAD");
	}

	/** The CORS configuration of the beacon endpoint: the allowed origins may POST JSON. */
	CorsConfiguration cors() {
		return this.cors;
	}

	/** Whether a page of another origin may report, and so gets CORS headers and preflights. */
	boolean isAllowedCrossOrigin(@Nullable String origin) {
		return this.intake.isAllowedCrossOrigin(origin);
	}

	/**
	 * Decides on a beacon request (not a preflight) before its body is read.
	 * @return the answer, or {@code null} when the body is to be read and passed to {@link #receive}
	 */
	@Nullable Reply admit(String method, BeaconRequest request) {
		if (!method.equals("POST")) {
			return Reply.status(405).header("Allow", "POST, OPTIONS");
		}
		if (request.forwarded() && !this.warnedForwarded && !this.frameworkForwardedHeaders) {
			this.warnedForwarded = true;
			logger.warn("RUM beacons arrive through a proxy (X-Forwarded-For or Forwarded), but the service does not "
					+ "read forwarded headers: every visitor shares the proxy's rate limit "
					+ "(observability.rum.max-beacons-per-client). Set server.forward-headers-strategy=native and list "
					+ "the proxies the server trusts (server.tomcat.remoteip.internal-proxies on Tomcat)");
		}
		String origin = (request.origin() != null) ? request.origin() : originOf(request.referer());
		Rejection rejection = this.intake.admit(origin, request.host(), request.clientIp());
		if (rejection != null) {
			return Reply.status((rejection == Rejection.ORIGIN) ? 403 : 429);
		}
		if (request.contentLength() > this.maxBodySize) {
			return tooLarge();
		}
		return null;
	}

	/** The origin ({@code scheme://host[:port]}) of a {@code Referer}, or {@code null}. */
	static @Nullable String originOf(@Nullable String referer) {
		if (referer == null) {
			return null;
		}
		try {
			URI uri = new URI(referer);
			String scheme = uri.getScheme();
			String host = uri.getHost();
			if (scheme == null || host == null) {
				return null;
			}
			return scheme + "://" + (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host)
					+ ((uri.getPort() >= 0) ? ":" + uri.getPort() : "");
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * What a beacon request's headers and connection say, read by either web stack.
	 * @param origin the {@code Origin} header, or {@code null}
	 * @param referer the {@code Referer} header, or {@code null}
	 * @param host the {@code Host} header, or {@code null}
	 * @param clientIp the client address, as the server's forwarded-header handling gives it
	 * @param forwarded whether forwarded headers are still on the request (the server did not read them)
	 * @param contentLength the declared body length, or -1
	 */
	record BeaconRequest(@Nullable String origin, @Nullable String referer, @Nullable String host, String clientIp,
			boolean forwarded, long contentLength) {
	}

	/** Answers a beacon whose body was read (at most one byte over the limit). */
	Reply receive(byte[] body) {
		if (body.length > this.maxBodySize) {
			return tooLarge();
		}
		Beacon beacon = BeaconParser.parse(body);
		if (beacon == null) {
			this.intake.rejected(Rejection.MALFORMED);
			return Reply.status(400);
		}
		this.intake.record(beacon);
		return Reply.status(204);
	}

	/** Answers a beacon whose body is over the limit. */
	Reply tooLarge() {
		this.intake.rejected(Rejection.TOO_LARGE);
		return Reply.status(413);
	}

	/** A status, headers and a body, for either web stack to write. */
	static final class Reply {

		private final int status;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte[] body = new byte[0];

		private Reply(int status) {
			this.status = status;
		}

		/**
		 * Starts a reply with the response headers Spring Security's defaults would add,
		 * since the RUM paths answer before its filter chain.
		 */
		static Reply status(int status) {
			return new Reply(status).header("X-Content-Type-Options", "nosniff")
				.header("X-Frame-Options", "DENY")
				.header("Cache-Control", "no-store");
		}

		Reply header(String name, @Nullable String value) {
			if (value != null) {
				this.headers.put(name, value);
			}
			return this;
		}

		Reply body(byte[] body) {
			this.body = body;
			return this;
		}

		int status() {
			return this.status;
		}

		Map<String, String> headers() {
			return this.headers;
		}

		byte[] body() {
			return this.body;
		}

	}

}
