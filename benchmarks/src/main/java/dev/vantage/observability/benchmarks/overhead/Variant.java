package dev.vantage.observability.benchmarks.overhead;

import java.util.ArrayList;
import java.util.List;

/**
 * One configuration of an app under test.
 * @param name a short name for its files
 * @param label its name in the tables
 * @param agent whether it runs under the OpenTelemetry agent
 * @param baseline what it is compared with, if anything
 * @param arguments its Spring Boot arguments
 */
record Variant(String name, String label, boolean agent, Variant baseline, List<String> arguments) {

	Variant {
		arguments = List.copyOf(arguments);
	}

	/**
	 * The arguments with these added, each replacing an earlier argument of the same property.
	 * @param arguments {@code --property=value} arguments
	 * @param replacements more of them
	 * @return the arguments
	 */
	static List<String> with(List<String> arguments, String... replacements) {
		List<String> result = new ArrayList<>();
		for (String argument : arguments) {
			String key = key(argument);
			if (List.of(replacements).stream().noneMatch((replacement) -> key(replacement).equals(key))) {
				result.add(argument);
			}
		}
		result.addAll(List.of(replacements));
		return List.copyOf(result);
	}

	private static String key(String argument) {
		int equals = argument.indexOf('=');
		if (!argument.startsWith("--") || equals < 0) {
			throw new IllegalArgumentException("arguments must be --property=value, was '" + argument + "'");
		}
		return argument.substring(0, equals);
	}

}
