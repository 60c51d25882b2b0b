package dev.vantage.observability.errors;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.vantage.observability.support.Arguments;

/**
 * A JavaScript error as a browser reported it, normalised for grouping: the error's name (one
 * of JavaScript's and the DOM's, else {@code Error}, so that a page cannot invent tag values),
 * its message with numbers, ids and quoted values replaced by {@code ?}, and its top frame
 * without line, column, query or content hashes in file names. Nothing here is trusted: every
 * part is bounded.
 *
 * @param name the error's name, the {@code exception} tag
 * @param message the normalised message
 * @param frame the normalised top frame
 */
public record BrowserError(String name, String message, String frame) {

	/** The longest message or frame read. */
	public static final int MAX_LENGTH = 500;

	private static final Set<String> NAMES = Set.of("Error", "TypeError", "ReferenceError", "SyntaxError",
			"RangeError", "URIError", "EvalError", "AggregateError", "InternalError", "DOMException", "SecurityError",
			"NetworkError", "AbortError", "NotAllowedError", "NotFoundError", "QuotaExceededError", "TimeoutError",
			"ChunkLoadError", "UnhandledRejection");

	private static final Pattern NAMED = Pattern.compile("^(?:Uncaught\\s+(?:\\(in promise\\)\\s+)?)?([A-Za-z]{1,40}):\\s*");

	private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");

	private static final Pattern IDS = Pattern.compile(
			"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\b[0-9a-fA-F]*\\d[0-9a-fA-F]*\\b|\\d+");

	/** {@code at fn (https://host/app.js:1:2)}, {@code fn@https://host/app.js:1:2}, {@code https://host/app.js:1:2}. */
	private static final Pattern FRAME = Pattern.compile(
			"^\\s*(?:at\\s+)?(?:(?<function>[^\\s(@]+)\\s*[(@])?\\s*(?<location>[a-z][a-z0-9+.-]*://[^\\s)]*?|[^\\s()]*?)(?::\\d+)?(?::\\d+)?\\)?\\s*$");

	/** A content hash in a file name: {@code app.3f2a9c1b.js}, {@code chunk-7XK2QO4Z.js}. */
	private static final Pattern HASHED = Pattern.compile("[.-](?=[A-Za-z0-9]*\\d)[A-Za-z0-9]{6,}(?=\\.[A-Za-z]+$)");

	/**
	 * Checks the parts.
	 * @param name the error's name
	 * @param message the normalised message
	 * @param frame the normalised top frame
	 */
	public BrowserError {
		Arguments.requireNonNull(name, "name");
		Arguments.requireNonNull(message, "message");
		Arguments.requireNonNull(frame, "frame");
	}

	/**
	 * Normalises what a page sent.
	 * @param message the error's message, as {@code event.message} or {@code String(error)} gives it
	 * @param frame the top line of its stack, or {@code file:line:column}
	 * @return the error to group
	 */
	public static BrowserError of(@Nullable String message, @Nullable String frame) {
		String text = bounded(message);
		String name = "Error";
		Matcher named = NAMED.matcher(text);
		if (named.find()) {
			String candidate = named.group(1);
			if (NAMES.contains(candidate)) {
				name = candidate;
				text = text.substring(named.end());
			}
		}
		String normalized = IDS.matcher(QUOTED.matcher(text).replaceAll("?")).replaceAll("?").strip();
		return new BrowserError(name, normalized, frame(bounded(frame)));
	}

	/**
	 * Returns the key the group's fingerprint is the hash of.
	 * @return name, message and frame, one per line
	 */
	public String groupKey() {
		return "rum\n" + this.name + "\n" + this.message + "\n" + this.frame;
	}

	private static String frame(String raw) {
		Matcher matcher = FRAME.matcher(raw);
		if (!matcher.matches()) {
			return "";
		}
		String location = matcher.group("location");
		int end = location.length();
		for (char stop : new char[] { '?', '#' }) {
			int index = location.indexOf(stop);
			end = (index >= 0) ? Math.min(end, index) : end;
		}
		location = location.substring(0, end);
		int schemeEnd = location.indexOf("://");
		if (schemeEnd >= 0) {
			int pathStart = location.indexOf('/', schemeEnd + 3);
			location = (pathStart >= 0) ? location.substring(pathStart) : "/";
		}
		int fileStart = location.lastIndexOf('/') + 1;
		location = location.substring(0, fileStart) + HASHED.matcher(location.substring(fileStart)).replaceAll("");
		String function = matcher.group("function");
		return (function != null) ? function + " " + location : location;
	}

	private static String bounded(@Nullable String value) {
		if (value == null) {
			return "";
		}
		StringBuilder clean = new StringBuilder(Math.min(value.length(), MAX_LENGTH));
		for (int i = 0; i < value.length() && clean.length() < MAX_LENGTH; i++) {
			char c = value.charAt(i);
			clean.append(Character.isISOControl(c) ? ' ' : c);
		}
		return clean.toString();
	}

}
