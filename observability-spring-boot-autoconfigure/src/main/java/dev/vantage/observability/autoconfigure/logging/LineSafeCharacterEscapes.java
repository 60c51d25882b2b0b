package dev.vantage.observability.autoconfigure.logging;

import net.logstash.logback.decorate.json.CharacterEscapesDecorator;

/**
 * JSON escapes for the characters that some readers take as line breaks but JSON allows
 * raw (U+0085, U+2028, U+2029), so that every log record stays exactly one line for every
 * line-splitting tool. Control characters below U+0020 are escaped by JSON itself.
 */
public class LineSafeCharacterEscapes extends CharacterEscapesDecorator {

	/** Adds the escapes to the standard JSON ones. */
	public LineSafeCharacterEscapes() {
		addEscape(new Escape('\u0085', "\\u0085"));
		addEscape(new Escape('\u2028', "\\u2028"));
		addEscape(new Escape('\u2029', "\\u2029"));
		addEscape(new Escape('\u007f', "\\u007f"));
	}

}
