package dev.vantage.observability.benchmarks.overhead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What adding the starter costs an app that is not ours: a minimal secured Spring MVC service
 * (a cached GET, a JDBC read, a JDBC write over HTTP Basic, tracing at 1.0) built twice, with
 * the starter and bare (Actuator, the Prometheus registry and Boot's OpenTelemetry tracing,
 * no Vantage artifact at all), against the bare build with the one default Vantage sets for
 * Spring Security, and against the bare build under the OpenTelemetry Java agent.
 * <p>
 * Each variant is restarted for every round, in an order that rotates: a restart is one JVM,
 * warmed, then loaded in a few bursts per endpoint; its value is the median of its bursts.
 * Ratios pair the variants restart by restart, and the median of the per-restart ratios is
 * reported with a bootstrap interval across restarts, so that the JIT luck of one JVM cannot
 * decide the result. Startup pairs the same way.
 * <p>
 * Run with {@code benchmarks/bare-baseline.sh}, which builds both jars and fetches the agent.
 */
public final class BareBaseline {

	/** 3 bursts of 3 s per endpoint and restart, after 10 s of warm-up, 8 connections, 5 restarts. */
	private static final Settings DEFAULTS = new Settings(3, 3, 10, 8, 5);

	private static final List<String> SECURITY_DEFAULT = List.of(
			"--management.observations.enable.spring.security.filterchains=false",
			"--management.observations.enable.spring.security.http=false");

	static final Variant BARE = new Variant("bare", "bare (no Vantage artifact)", false, null, List.of());

	static final Variant BARE_SECURITY = new Variant("bare-security", "bare + Vantage's Spring Security default",
			false, BARE, SECURITY_DEFAULT);

	static final Variant VANTAGE = new Variant("vantage", "with the starter", false, BARE, List.of());

	static final Variant AGENT = new Variant("agent", "bare + OpenTelemetry agent", true, BARE, List.of());

	/** What a user adds by hand for JDBC spans and timers: datasource-micrometer's Boot module alone. */
	static final Variant DATASOURCE_MICROMETER = new Variant("datasource-micrometer", "bare + datasource-micrometer by hand",
			false, BARE, List.of());

	private static final List<Variant> ALL = List.of(BARE, BARE_SECURITY, VANTAGE, AGENT, DATASOURCE_MICROMETER);

	static final Endpoint PLANS = new Endpoint("plans", "GET /plans (cached)", "/plans", null);

	static final Endpoint ACCOUNT = new Endpoint("account", "GET /accounts/{id} (JDBC read)", "/accounts/1", """
			local n = 0
			request = function()
			  n = n % 100 + 1
			  return wrk.format("GET", "/accounts/" .. n)
			end
			""");

	static final Endpoint DEPOSIT = new Endpoint("deposit", "POST /accounts/{id}/deposits (JDBC write, Basic)",
			"/accounts/1/deposits", """
					wrk.method = "POST"
					wrk.headers["Content-Type"] = "application/json"
					wrk.headers["Authorization"] = "Basic dGVsbGVyOnRlbGxlci1wYXNz"
					wrk.body = '{"amount":5}'
					local n = 0
					request = function()
					  n = n % 100 + 1
					  return wrk.format(nil, "/accounts/" .. n .. "/deposits")
					end
					""");

	private static final List<Endpoint> ENDPOINTS = List.of(PLANS, ACCOUNT, DEPOSIT);

	private final Path bareJar;

	private final Path vantageJar;

	private final Path agentJar;

	private final Path datasourceMicrometerJar;

	private final Path logs;

	private final Load load;

	private final List<Variant> variants;

	private BareBaseline(Path bareJar, Path vantageJar, Path agentJar, Path datasourceMicrometerJar, Path logs,
			Settings settings, List<Variant> variants) {
		this.variants = variants;
		this.bareJar = bareJar;
		this.vantageJar = vantageJar;
		this.agentJar = agentJar;
		this.datasourceMicrometerJar = datasourceMicrometerJar;
		this.logs = logs;
		this.load = new Load(settings, new Wrk(settings.connections(), logs, List.of()));
	}

	/**
	 * Runs the comparison.
	 * @param args the bare jar, the jar with the starter, the OpenTelemetry agent jar, the jar
	 * with datasource-micrometer's Boot module added by hand, then
	 * optionally bursts per endpoint and restart, burst seconds, warm-up seconds per endpoint,
	 * wrk connections and restarts per variant
	 * @throws Exception when a run fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 4) {
			throw new IllegalArgumentException("usage: BareBaseline <bare jar> <jar with the starter> <agent jar> "
					+ "<jar with datasource-micrometer> [bursts] [burst seconds] [warm-up seconds] [connections] [restarts]");
		}
		Settings settings = Settings.parse(args, 4, DEFAULTS);
		Path logs = Files.createDirectories(Path.of("benchmarks", "target", "bare-baseline"));
		new BareBaseline(RequestOverhead.existing(args[0], "bare jar"),
				RequestOverhead.existing(args[1], "jar with the starter"), RequestOverhead.existing(args[2], "agent jar"),
				RequestOverhead.existing(args[3], "jar with datasource-micrometer"), logs, settings, variants(System.getenv("VARIANTS")))
			.measure();
	}

	/**
	 * The variants to run: all of them, or those an environment variable names.
	 * @param names comma-separated variant names
	 * ({@code bare,bare-security,vantage,agent,datasource-micrometer}), or
	 * {@code null} or blank for all
	 * @return the variants, in their usual order
	 */
	static List<Variant> variants(String names) {
		if (names == null || names.isBlank()) {
			return ALL;
		}
		List<String> wanted = List.of(names.trim().split("\\s*,\\s*"));
		List<String> known = ALL.stream().map(Variant::name).toList();
		wanted.stream().filter((name) -> !known.contains(name)).findFirst().ifPresent((name) -> {
			throw new IllegalArgumentException("VARIANTS: unknown variant '" + name + "' (known: " + known + ")");
		});
		return ALL.stream().filter((variant) -> wanted.contains(variant.name())).toList();
	}

	private void measure() throws Exception {
		Settings settings = this.load.settings();
		System.out.printf("%d restarts per variant, rotating; per restart and endpoint %d s of warm-up, then %d bursts "
				+ "of %d s (wrk -t1 -c%d), JDK %s, %s%n", settings.startups(), settings.warmUpSeconds(),
				settings.rounds(), settings.burstSeconds(), settings.connections(), Runtime.version(),
				Wrk.PINNED ? "apps on CPU 0, wrk on CPU 1" : "not pinned");
		Map<Endpoint, Map<Variant, List<Burst>>> perRestart = new LinkedHashMap<>();
		Map<Variant, List<Double>> startups = new LinkedHashMap<>();
		for (int restart = 0; restart < settings.startups(); restart++) {
			for (int i = 0; i < this.variants.size(); i++) {
				Variant variant = this.variants.get((i + restart) % this.variants.size());
				try (Jvm jvm = start(variant, restart)) {
					startups.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(jvm.startupSeconds());
					for (Endpoint endpoint : ENDPOINTS) {
						this.load.soak(jvm, endpoint);
						List<Burst> bursts = new ArrayList<>();
						for (int b = 0; b < settings.rounds(); b++) {
							bursts.add(this.load.burst(jvm, endpoint));
						}
						Burst median = medianOf(bursts);
						perRestart.computeIfAbsent(endpoint, (key) -> new LinkedHashMap<>())
							.computeIfAbsent(variant, (key) -> new ArrayList<>())
							.add(median);
						System.out.printf("restart %d  %-42s %-50s %s%n", restart + 1, variant.label(), endpoint.label(),
								median);
					}
				}
			}
		}
		for (Endpoint endpoint : ENDPOINTS) {
			Map<Variant, List<Burst>> runs = perRestart.get(endpoint);
			System.out.printf("%n== %s: medians across restarts [95%% interval] ==", endpoint.label());
			Report.medians(runs);
			System.out.println();
			System.out.println("per-restart ratios, median [95% interval across restarts]");
			ratio("with the starter / bare:                  ", runs, BARE, true);
			ratio("with the starter / bare + security default: ", runs, BARE_SECURITY, false);
			ratio("with the starter / agent:                 ", runs, AGENT, false);
			ratio("with the starter / datasource-micrometer: ", runs, DATASOURCE_MICROMETER, false);
		}
		System.out.printf("%n== startup to readiness, %d starts per variant ==%n", settings.startups());
		Report.startups(startups, BARE);
		System.out.println("(targets: with the starter / bare allocation <= 1.00, / bare + security default <= 1.05; "
				+ "CPU <= 1.05 with the interval's upper end <= 1.10; p99 <= +1 ms; startup <= +1 s; lower than the "
				+ "agent and than datasource-micrometer by hand on every figure)");
	}

	private static void ratio(String label, Map<Variant, List<Burst>> runs, Variant baseline, boolean withTargets) {
		if (runs.containsKey(VANTAGE) && runs.containsKey(baseline)) {
			System.out.println(label + Report.ratios(runs.get(VANTAGE), runs.get(baseline), withTargets));
		}
	}

	/** The median of each figure over a restart's bursts. */
	static Burst medianOf(List<Burst> bursts) {
		return new Burst(median(bursts, Burst::throughput), median(bursts, Burst::cpuMicros),
				median(bursts, Burst::bytes), median(bursts, Burst::p50Millis), median(bursts, Burst::p99Millis));
	}

	private static double median(List<Burst> bursts, ToDoubleFunction<Burst> value) {
		return Interval.median(bursts.stream().mapToDouble(value).toArray());
	}

	private Jvm start(Variant variant, int restart) throws Exception {
		String name = variant.name() + "-" + (restart + 1);
		List<String> arguments = new ArrayList<>(variant.arguments());
		arguments.add("--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		if (variant == VANTAGE) {
			arguments.add("--observability.audit.file=" + this.logs.resolve(name + "-audit.json"));
		}
		Map<String, String> environment = new LinkedHashMap<>(RequestOverhead.AGENT_ENVIRONMENT);
		environment.put("OTEL_SERVICE_NAME", "accounts");
		return Jvm.start(variant.label(),
				Jvm.command(List.of(), variant.agent() ? this.agentJar : null, jar(variant), arguments),
				variant.agent() ? environment : Map.of(), this.logs.resolve(name + ".log"));
	}

	private Path jar(Variant variant) {
		if (variant == VANTAGE) {
			return this.vantageJar;
		}
		return (variant == DATASOURCE_MICROMETER) ? this.datasourceMicrometerJar : this.bareJar;
	}

}
