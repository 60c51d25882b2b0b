package dev.vantage.observability.autoconfigure.rum;

import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.rum.Beacon;
import dev.vantage.observability.rum.RumIntake;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a beacon's JSON body with Jackson's streaming parser: no object tree, unknown fields
 * skipped, anything of the wrong type makes the whole beacon malformed.
 */
final class BeaconParser {

	private static final JsonFactory JSON = JsonFactory.builder().build();

	private BeaconParser() {
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

}
