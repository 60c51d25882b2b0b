package dev.vantage.observability.benchmarks.overhead;

/**
 * How long and how hard a comparison loads its JVMs.
 * @param rounds rounds of bursts (or restarts) per variant
 * @param burstSeconds the length of one burst
 * @param warmUpSeconds the warm-up of each JVM before its first burst
 * @param connections wrk's connections
 * @param startups starts per variant when startup is measured
 */
record Settings(int rounds, int burstSeconds, int warmUpSeconds, int connections, int startups) {

	Settings {
		positive(rounds, "rounds");
		positive(burstSeconds, "burstSeconds");
		positive(warmUpSeconds, "warmUpSeconds");
		positive(connections, "connections");
		positive(startups, "startups");
	}

	/**
	 * Reads the settings from the command line, from an index on, each optional.
	 * @param args the arguments
	 * @param first the index of the first setting (rounds)
	 * @param defaults what a missing setting is
	 * @return the settings
	 */
	static Settings parse(String[] args, int first, Settings defaults) {
		return new Settings(argument(args, first, "rounds", defaults.rounds()),
				argument(args, first + 1, "burst seconds", defaults.burstSeconds()),
				argument(args, first + 2, "warm-up seconds", defaults.warmUpSeconds()),
				argument(args, first + 3, "connections", defaults.connections()),
				argument(args, first + 4, "startups", defaults.startups()));
	}

	private static int argument(String[] args, int index, String name, int fallback) {
		if (args.length <= index) {
			return fallback;
		}
		try {
			return Integer.parseInt(args[index]);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + name + "' (argument " + (index + 1) + ") must be a number, was '"
					+ args[index] + "'");
		}
	}

	private static void positive(int value, String name) {
		if (value < 1) {
			throw new IllegalArgumentException("'" + name + "' must be at least 1, was " + value);
		}
	}

}
