package dev.vantage.observability.autoconfigure.rum;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vantage.observability.rum.Beacon;
import dev.vantage.observability.rum.Rejection;
import dev.vantage.observability.rum.RumIntake;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;

/**
 * What the RUM paths answer, shared by the servlet filter and the WebFlux filter, which only
 * move bytes: the script, and beacons, checked in order of cost (origin and rate limit
 * before the body is read, its size before it is parsed). CORS headers and preflights are
 * Spring's CORS processors' work, on {@link #cors()}; the script's ETag is Spring's
 * {@code checkNotModified}.
 */
final class RumEndpoint {

	/** How long a browser may keep a preflight's answer. */
	private static final Duration CORS_MAX_AGE = Duration.ofDays(1);

	private final RumIntake intake;

	private final String path;

	private final String scriptPath;

	private final long maxBodySize;

	private final RumScript script;

	private final CorsConfiguration cors = new CorsConfiguration();

	RumEndpoint(RumIntake intake, VantageRumProperties properties, RumScript script) {
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
	@Nullable Reply admit(String method, @Nullable String origin, @Nullable String host, String clientIp,
			long contentLength) {
		if (!method.equals("POST")) {
			return Reply.status(405).header("Allow", "POST, OPTIONS");
		}
		Rejection rejection = this.intake.admit(origin, host, clientIp);
		if (rejection != null) {
			return Reply.status((rejection == Rejection.ORIGIN) ? 403 : 429);
		}
		if (contentLength > this.maxBodySize) {
			return tooLarge();
		}
		return null;
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

		static Reply status(int status) {
			return new Reply(status);
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
