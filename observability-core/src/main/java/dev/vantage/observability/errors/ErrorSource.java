package dev.vantage.observability.errors;

/**
 * Where an error was seen: the {@code source} tag of {@code errors}.
 */
public enum ErrorSource {

	/** An exception that ended an HTTP request, handled into a response or not. */
	HTTP("http"),

	/** An exception logged at ERROR: jobs, {@code @Scheduled}, {@code @Async}, listeners. */
	LOG("log"),

	/** A JavaScript error a browser reported through the RUM beacon. */
	RUM("rum");

	private final String tag;

	ErrorSource(String tag) {
		this.tag = tag;
	}

	/**
	 * Returns the tag value.
	 * @return the lower-case name
	 */
	public String tag() {
		return this.tag;
	}

}
