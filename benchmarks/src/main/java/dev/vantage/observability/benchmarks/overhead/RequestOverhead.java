package dev.vantage.observability.benchmarks.overhead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Vantage costs each request of the sample shop, measured so that this machine's noise
 * cannot hide it:
 * <ul>
 * <li><b>CPU time and bytes allocated per request</b> (process CPU time and the threads'
 * allocation counters, read over JMX), next to throughput and p50/p99 from wrk;</li>
 * <li><b>paired, close in time</b>: the variants' JVMs are started and warmed once, then get
 * short bursts of load in rotating order; each round gives one ratio per comparison, and the
 * median of those ratios is reported with a bootstrap 95 % interval;</li>
 * <li><b>in-process attribution</b>: a JFR profile of Vantage on under load, and the share of
 * request-thread CPU samples whose nearest own frame is Vantage's.</li>
 * </ul>
 * Variants: Vantage off (every Vantage auto-configuration and default off, which leaves
 * plain Actuator with the Prometheus registry and Boot's OpenTelemetry tracing), Vantage on,
 * and Vantage off under the OpenTelemetry Java agent. Endpoints: the catalog GET, and checkout.
 * <p>
 * Run with {@code benchmarks/request-overhead.sh}, which builds the jars and fetches the agent.
 */
public final class RequestOverhead {

	private static final Settings DEFAULTS = new Settings(20, 5, 30, 8, 5);

	private static final List<Endpoint> ENDPOINTS = List.of(Endpoint.CATALOG, Endpoint.CHECKOUT);

	static final Variant OFF = new Variant("off", "Vantage off (plain Actuator)", false, null,
			List.of("--observability.enabled=false"));

	static final Variant VANTAGE = new Variant("vantage", "Vantage on", false, null, List.of());

	static final Variant AGENT = new Variant("agent", "off + OpenTelemetry agent", true, null, OFF.arguments());

	private static final List<Variant> COMPARED = List.of(OFF, VANTAGE, AGENT);

	/** The agent instruments everything and exports nothing. */
	static final Map<String, String> AGENT_ENVIRONMENT = Map.of("OTEL_TRACES_EXPORTER", "none",
			"OTEL_METRICS_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none");

	private final Path shopJar;

	private final Path agentJar;

	private final Path logs;

	private final Load load;

	private RequestOverhead(Path shopJar, Path agentJar, Path logs, Settings settings) {
		this.shopJar = shopJar;
		this.agentJar = agentJar;
		this.logs = logs;
		this.load = new Load(settings, new Wrk(settings.connections(), logs, List.of("X-Tenant-Id: acme")));
	}

	/**
	 * Runs the comparison.
	 * @param args the shop jar, the OpenTelemetry agent jar, then optionally a mode
	 * ({@code ablation[:name,...]}, {@code profile} or {@code startup}), rounds, burst seconds,
	 * warm-up seconds, wrk connections and startups per variant
	 * @throws Exception when a run fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			throw new IllegalArgumentException("usage: RequestOverhead <shop jar> <agent jar> "
					+ "[ablation[:name,...]|profile|startup] [rounds] [burst seconds] [warm-up seconds] [connections] "
					+ "[startups]");
		}
		String mode = (args.length > 2 && !Character.isDigit(args[2].charAt(0))) ? args[2] : "compare";
		Settings settings = Settings.parse(args, mode.equals("compare") ? 2 : 3, DEFAULTS);
		Path logs = Files.createDirectories(Path.of("benchmarks", "target", "request-overhead"));
		RequestOverhead benchmark = new RequestOverhead(existing(args[0], "shop jar"), existing(args[1], "agent jar"),
				logs, settings);
		if (mode.startsWith("ablation")) {
			benchmark.ablate(mode.startsWith("ablation:") ? List.of(mode.substring("ablation:".length()).split(","))
					: List.of());
			return;
		}
		switch (mode) {
			case "compare" -> benchmark.measure();
			case "profile" -> benchmark.profile();
			case "startup" -> benchmark.startups();
			default -> throw new IllegalArgumentException("mode must be ablation, profile or startup, was " + mode);
		}
	}

	private void measure() throws Exception {
		header();
		for (Endpoint endpoint : ENDPOINTS) {
			Map<Variant, List<Burst>> bursts = this.load.interleaved(COMPARED, endpoint, this::start);
			Report.medians(bursts);
			System.out.println();
			System.out.println("per-round ratios, median [95% interval]");
			System.out.println("Vantage on / off:    " + Report.ratios(bursts.get(VANTAGE), bursts.get(OFF), true));
			System.out.println("Vantage on / agent:  " + Report.ratios(bursts.get(VANTAGE), bursts.get(AGENT), false));
		}
		profile();
		startups();
	}

	/** Prices each concern on checkout, where Vantage does the most; each pair runs on its own. */
	private void ablate(List<String> only) throws Exception {
		header();
		System.out.printf("%n== each concern alone, %s: per-round ratios against the baseline, median [95%% interval] ==%n",
				Endpoint.CHECKOUT.label());
		String header = String.format("%-73s %-21s %-21s %s", "variant / baseline", "CPU/request", "allocation/request",
				"p99 difference ms");
		List<String> rows = new ArrayList<>();
		for (Variant variant : Ablation.of(ConcernSwitches.of(this.shopJar), OFF, VANTAGE)) {
			if (!only.isEmpty() && !only.contains(variant.name())) {
				continue;
			}
			Map<Variant, List<Burst>> bursts = this.load.interleaved(List.of(variant.baseline(), variant),
					Endpoint.CHECKOUT, this::start);
			List<Burst> runs = bursts.get(variant);
			List<Burst> baseline = bursts.get(variant.baseline());
			rows.add(String.format("%-42s / %-28s %-21s %-21s %s", variant.label(), variant.baseline().label(),
					Interval.ofRatios(runs, baseline, Burst::cpuMicros).format("%.3f"),
					Interval.ofRatios(runs, baseline, Burst::bytes).format("%.3f"),
					Interval.ofDifferences(runs, baseline, Burst::p99Millis).format("%+.2f")));
			// The table so far after each pair: a long run stopped early keeps what it measured.
			System.out.println();
			System.out.println(header);
			rows.forEach(System.out::println);
		}
	}

	/** Only the in-process attribution of both endpoints (a few minutes, immune to machine noise). */
	private void profile() throws Exception {
		for (Endpoint endpoint : ENDPOINTS) {
			System.out.printf("%n== where the request threads' CPU goes, Vantage on, %s ==%n", endpoint.label());
			Path recording = this.logs.resolve("vantage-on-" + endpoint.name() + ".jfr");
			Files.deleteIfExists(recording);
			try (Jvm jvm = start(VANTAGE, "jfr-" + endpoint.name(), List.of("-XX:StartFlightRecording=settings=profile,"
					+ "dumponexit=true,filename=" + recording, "-XX:FlightRecorderOptions=stackdepth=256"))) {
				this.load.warm(jvm, endpoint);
				this.load.soak(jvm, endpoint);
			}
			JfrAttribution.of(recording, "http-nio-").print();
		}
	}

	/** Time to readiness of each variant, started in turn with nothing else running. */
	private void startups() throws Exception {
		int startups = this.load.settings().startups();
		System.out.printf("%n== startup to readiness, %d starts per variant ==%n", startups);
		Map<Variant, List<Double>> seconds = new LinkedHashMap<>();
		for (int round = 0; round < startups; round++) {
			for (int i = 0; i < COMPARED.size(); i++) {
				Variant variant = COMPARED.get((i + round) % COMPARED.size());
				try (Jvm jvm = start(variant, "startup")) {
					seconds.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(jvm.startupSeconds());
				}
			}
		}
		Report.startups(seconds, OFF);
		System.out.println("(target: Vantage on - off <= +1 s)");
	}

	private void header() {
		Settings settings = this.load.settings();
		System.out.printf("wrk -t1 -c%d, %d rounds of %d s bursts per variant after %d s warm-up (then until two "
				+ "bursts agree within 3 %%), JDK %s, %s%n", settings.connections(), settings.rounds(),
				settings.burstSeconds(), settings.warmUpSeconds(), Runtime.version(),
				Wrk.PINNED ? "apps on CPU 0, wrk on CPU 1" : "not pinned");
	}

	private Jvm start(Variant variant, String phase) throws Exception {
		return start(variant, phase, List.of());
	}

	private Jvm start(Variant variant, String phase, List<String> jvmOptions) throws Exception {
		String name = variant.name() + "-" + phase;
		List<String> arguments = new ArrayList<>(List.of("--observability.audit.file=" + this.logs.resolve(name + "-audit.json"),
				"--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"));
		arguments.addAll(variant.arguments());
		Map<String, String> environment = new LinkedHashMap<>(AGENT_ENVIRONMENT);
		environment.put("OTEL_SERVICE_NAME", "sample-shop");
		return Jvm.start(variant.label(),
				Jvm.command(jvmOptions, variant.agent() ? this.agentJar : null, this.shopJar, arguments),
				variant.agent() ? environment : Map.of(), this.logs.resolve(name + ".log"));
	}

	static Path existing(String path, String name) {
		Path file = Path.of(path);
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("'" + name + "' " + path + " does not exist");
		}
		return file.toAbsolutePath();
	}

}
