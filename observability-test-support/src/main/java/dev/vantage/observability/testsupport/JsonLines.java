package dev.vantage.observability.testsupport;

import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits output into lines the way the strictest reader would (CR, LF, NEL, LS and PS all
 * end a line) and parses JSON lines.
 */
public final class JsonLines {

	private static final Pattern ANY_LINE_BREAK = Pattern.compile("\r\n|[\r\n\u0085\u2028\u2029]");

	private static final JsonMapper json = JsonMapper.builder().build();

	private JsonLines() {
	}

	public static List<String> lines(String output) {
		return ANY_LINE_BREAK.splitAsStream(output).filter((line) -> !line.isBlank()).toList();
	}

	public static List<String> linesContaining(String output, String marker) {
		return lines(output).stream().filter((line) -> line.contains(marker)).toList();
	}

	public static JsonNode parse(String line) {
		JsonNode node = json.readTree(line);
		if (!node.isObject()) {
			throw new AssertionError("Not a JSON object: " + line);
		}
		return node;
	}

}
