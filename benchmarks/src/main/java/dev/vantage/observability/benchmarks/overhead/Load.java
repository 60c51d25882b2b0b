package dev.vantage.observability.benchmarks.overhead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads JVMs under test: warms each, then gives the variants short bursts in rotating order
 * so that every round pairs them close in time.
 */
final class Load {

	/** Two warm bursts in a row must agree this closely on CPU per request. */
	private static final double STABLE = 0.03;

	private static final int WARM_BURST_SECONDS = 5;

	private static final int MAX_WARM_BURSTS = 20;

	/** Starts a variant's JVM. */
	@FunctionalInterface
	interface Starter {

		Jvm start(Variant variant, String phase) throws Exception;

	}

	private final Settings settings;

	private final Wrk wrk;

	Load(Settings settings, Wrk wrk) {
		this.settings = settings;
		this.wrk = wrk;
	}

	Settings settings() {
		return this.settings;
	}

	/**
	 * Warms a JVM for the warm-up time, then with 5 s bursts until two in a row agree on CPU
	 * per request within 3 % (at most twenty): a JIT still compiling widens every interval.
	 */
	void warm(Jvm jvm, Endpoint endpoint) throws Exception {
		this.wrk.run(jvm.base(), endpoint, this.settings.warmUpSeconds(), false);
		double previous = jvm.burst(this.wrk, endpoint, WARM_BURST_SECONDS).cpuMicros();
		for (int i = 0; i < MAX_WARM_BURSTS; i++) {
			double current = jvm.burst(this.wrk, endpoint, WARM_BURST_SECONDS).cpuMicros();
			if (Math.abs(current - previous) <= STABLE * previous) {
				return;
			}
			previous = current;
		}
		System.out.printf("%s: CPU per request still moving after warm-up (last %.1f us)%n", jvm.label(), previous);
	}

	/** Keeps loading a JVM for the warm-up time, without measuring (for a profile). */
	void soak(Jvm jvm, Endpoint endpoint) throws Exception {
		this.wrk.run(jvm.base(), endpoint, this.settings.warmUpSeconds(), false);
	}

	Burst burst(Jvm jvm, Endpoint endpoint) throws Exception {
		return jvm.burst(this.wrk, endpoint, this.settings.burstSeconds());
	}

	/**
	 * Starts every variant once, warms each, then loads them in bursts, rotating the order each round.
	 * @return each variant's bursts, round by round
	 */
	Map<Variant, List<Burst>> interleaved(List<Variant> variants, Endpoint endpoint, Starter starter)
			throws Exception {
		System.out.printf("%n== %s ==%n", endpoint.label());
		Map<Variant, Jvm> jvms = new LinkedHashMap<>();
		try {
			for (Variant variant : variants) {
				Jvm jvm = starter.start(variant, endpoint.name());
				jvms.put(variant, jvm);
				warm(jvm, endpoint);
			}
			Map<Variant, List<Burst>> bursts = new LinkedHashMap<>();
			for (int round = 0; round < this.settings.rounds(); round++) {
				for (int i = 0; i < variants.size(); i++) {
					Variant variant = variants.get((i + round) % variants.size());
					bursts.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(burst(jvms.get(variant), endpoint));
				}
				Variant shown = variants.get(Math.min(1, variants.size() - 1));
				System.out.printf("round %2d  %s: %s%n", round + 1, shown.label(), bursts.get(shown).get(round));
			}
			return bursts;
		}
		finally {
			for (Jvm jvm : jvms.values()) {
				jvm.close();
			}
		}
	}

}
