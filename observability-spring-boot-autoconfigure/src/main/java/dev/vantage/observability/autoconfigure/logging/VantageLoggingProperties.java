package dev.vantage.observability.autoconfigure.logging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Console logging, under {@value #PREFIX}; applied when the application has no logback
 * configuration of its own.
 */
@ConfigurationProperties(VantageLoggingProperties.PREFIX)
public class VantageLoggingProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.logging";

	/** The console format property, read before the context exists. */
	public static final String FORMAT = PREFIX + ".format";

	/** Console format: json (one JSON object per line) or plain (Boot's pattern, for local work). */
	private Format format = Format.JSON;

	/** The 'version' field of every log line. */
	private String version = "${spring.application.version:unknown}";

	/** The 'env' field of every log line; defaults to the active profiles. */
	private String env = "default";

	public Format getFormat() {
		return this.format;
	}

	public void setFormat(Format format) {
		this.format = format;
	}

	public String getVersion() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public String getEnv() {
		return this.env;
	}

	public void setEnv(String env) {
		this.env = env;
	}

	/** Console formats. */
	public enum Format {

		/** One JSON object per line. */
		JSON,

		/** Boot's human-readable pattern. */
		PLAIN

	}

}
