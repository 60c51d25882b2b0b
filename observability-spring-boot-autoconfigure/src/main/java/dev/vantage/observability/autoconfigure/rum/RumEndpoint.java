package dev.vantage.observability.autoconfigure.rum;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vantage.observability.rum.Beacon;
import dev.vantage.observability.rum.Rejection;
import dev.vantage.observability.rum.RumIntake;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.web.cors.CorsConfiguration;

/**
 * What the RUM paths answer, shared by the servlet filter and the WebFlux filter, which only
 * move bytes: the script, and beacons, checked in order of cost (origin and rate limit
 * before the body is read, its size before it is parsed). CORS headers and preflights are
 * Spring's CORS processors' work, on {@link #cors()}; the script's ETag is Spring's
 * {@code checkNotModified}.
 */
final class RumEndpoint {

	private static final JsonFactory JSON = JsonFactory.builder().build();

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
		Beacon beacon = parse(body);
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

	/**
	 * Reads {@code {"page": "/p", "view": true, "errors": 0, "metrics": [{"name": "LCP", "value": 812.5}]}};
	 * unknown fields are skipped.
	 * @return the beacon, or {@code null} when the body is not one
	 */
	static @Nullable Beacon parse(byte[] body) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			String page = null;
			boolean view = false;
			long errors = 0;
			List<Beacon.Measurement> measurements = new ArrayList<>();
			List<Beacon.ErrorDetail> errorDetails = new ArrayList<>();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (field) {
					case "page" -> {
						if (value != JsonToken.VALUE_STRING) {
							return null;
						}
						page = parser.getString();
					}
					case "view" -> {
						if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
							return null;
						}
						view = parser.getBooleanValue();
					}
					case "errors" -> {
						if (value != JsonToken.VALUE_NUMBER_INT) {
							return null;
						}
						errors = parser.getLongValue();
					}
					case "metrics" -> {
						if (value != JsonToken.START_ARRAY || !measurements(parser, measurements)) {
							return null;
						}
					}
					case "errorDetails" -> {
						if (value != JsonToken.START_ARRAY || !errorDetails(parser, errorDetails)) {
							return null;
						}
					}
					default -> parser.skipChildren();
				}
			}
			if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null || page == null) {
				return null;
			}
			return new Beacon(page, view, errors, measurements, errorDetails);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean measurements(JsonParser parser, List<Beacon.Measurement> measurements) {
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			String name = null;
			Double value = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = parser.currentName();
				JsonToken token = parser.nextToken();
				if (field.equals("name") && token == JsonToken.VALUE_STRING) {
					name = parser.getString();
				}
				else if (field.equals("value") && token.isNumeric()) {
					value = parser.getDoubleValue();
				}
				else if (field.equals("name") || field.equals("value")) {
					return false;
				}
				else {
					parser.skipChildren();
				}
			}
			if (name == null || value == null) {
				return false;
			}
			measurements.add(new Beacon.Measurement(name, value));
		}
		return parser.currentToken() == JsonToken.END_ARRAY;
	}

	/** Reads {@code [{"message": "TypeError: ...", "frame": "at f (/app.js:1:2)", "count": 2}]}, at most {@value RumIntake#MAX_ERROR_DETAILS} and one more. */
	private static boolean errorDetails(JsonParser parser, List<Beacon.ErrorDetail> details) {
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			if (details.size() > RumIntake.MAX_ERROR_DETAILS) {
				return false;
			}
			String message = "";
			String frame = "";
			long count = 1;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = parser.currentName();
				JsonToken token = parser.nextToken();
				if (field.equals("message") && token == JsonToken.VALUE_STRING) {
					message = parser.getString();
				}
				else if (field.equals("frame") && token == JsonToken.VALUE_STRING) {
					frame = parser.getString();
				}
				else if (field.equals("count") && token == JsonToken.VALUE_NUMBER_INT) {
					count = parser.getLongValue();
				}
				else {
					parser.skipChildren();
				}
			}
			details.add(new Beacon.ErrorDetail(message, frame, count));
		}
		return parser.currentToken() == JsonToken.END_ARRAY;
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
