package dev.vantage.observability.errors;

/**
 * What an {@link ErrorTracker} keeps.
 *
 * @param maxGroups server groups (HTTP and logs) kept, at least 1
 * @param maxBrowserGroups browser groups kept, at least 1
 * @param stackDepth frames kept per sample stack trace, at least 1
 * @param messageLength characters kept per message, at least 1
 */
public record ErrorLimits(int maxGroups, int maxBrowserGroups, int stackDepth, int messageLength) {

	/**
	 * Checks the limits.
	 * @param maxGroups server groups kept
	 * @param maxBrowserGroups browser groups kept
	 * @param stackDepth frames kept per sample stack trace
	 * @param messageLength characters kept per message
	 */
	public ErrorLimits {
		atLeastOne(maxGroups, "maxGroups");
		atLeastOne(maxBrowserGroups, "maxBrowserGroups");
		atLeastOne(stackDepth, "stackDepth");
		atLeastOne(messageLength, "messageLength");
	}

	private static void atLeastOne(int value, String name) {
		if (value < 1) {
			throw new IllegalArgumentException("'" + name + "' must be at least 1, was " + value);
		}
	}

}
