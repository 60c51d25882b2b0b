package dev.vantage.observability.benchmarks.overhead;

import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.benchmarks.overhead.ConcernSwitches.Concern;

/**
 * The variants that price each concern on its own: Vantage with every concern off ("core":
 * the tenant context, the cardinality guard, endpoints) against Vantage off, then each concern
 * on by default switched on alone against core, in the order of the configuration metadata.
 * Where a concern does two separable things, the second is priced against the first.
 */
final class Ablation {

	/** The shop's latency SLO needs its one bucket, which Vantage adds with the HTTP concern. */
	private static final String SHOP_BUCKET = "--management.metrics.distribution.slo.http.server.requests=300ms";

	private static final String PLAIN_LOGS = "--observability.logging.format=plain";

	private Ablation() {
	}

	/**
	 * The ablation of a Vantage build.
	 * @param concerns its concerns, from its configuration metadata
	 * @param off the variant with Vantage off
	 * @param on the variant with Vantage on
	 * @return the variants, each with its baseline
	 */
	static List<Variant> of(List<Concern> concerns, Variant off, Variant on) {
		List<String> allOff = new ArrayList<>();
		allOff.add(SHOP_BUCKET);
		allOff.addAll(ConcernSwitches.allOff(concerns));
		allOff.add(PLAIN_LOGS);
		Variant core = new Variant("core", "core (every concern off)", false, off, allOff);
		List<Variant> variants = new ArrayList<>(List.of(core,
				new Variant("json", "JSON console logs", false, core,
						Variant.with(allOff, "--observability.logging.format=json"))));
		for (Concern concern : concerns) {
			if (!concern.onByDefault()) {
				continue;
			}
			String name = concern.name();
			List<String> alone = Variant.with(allOff, ConcernSwitches.on(name));
			switch (name) {
				case "db" -> {
					// Statement spans are priced against the same wrappers without them.
					Variant withoutSpans = new Variant("db-no-spans", "JDBC wrappers without spans", false, core,
							Variant.with(alone, "--management.observations.enable.jdbc=false"));
					variants.add(new Variant("db", "JDBC wrappers", false, core, alone));
					variants.add(new Variant("db-spans", "+ a span per statement", false, withoutSpans, alone));
				}
				case "security" -> {
					Variant bridge = new Variant("security", "Spring Security bridge", false, core,
							Variant.with(alone, "--observability.security.suspicious-requests.enabled=false"));
					variants.add(bridge);
					variants.add(new Variant("suspicious", "+ suspicious-request filter", false, bridge, alone));
				}
				case "http" -> {
					variants.add(new Variant("http", "HTTP: SLO buckets, exemplars, tenant timer", false, core,
							alone.stream().filter((argument) -> !argument.equals(SHOP_BUCKET)).toList()));
					variants.add(new Variant("tenant", "HTTP with core's one bucket: tenant timer", false, core, alone));
				}
				default -> variants.add(new Variant(name, name + " alone", false, core, alone));
			}
		}
		variants.add(new Variant("on", on.label(), false, off, on.arguments()));
		return variants;
	}

}
