package dev.vantage.observability.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

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
 * request-thread CPU samples whose nearest own frame is Vantage's (its filters, meters,
 * encoders and proxies), with the top frames.</li>
 * </ul>
 * Variants: Vantage off (every Vantage auto-configuration and default off, which leaves
 * plain Actuator with the Prometheus registry and Boot's OpenTelemetry tracing), Vantage on,
 * and Vantage off under the OpenTelemetry Java agent. Endpoints: the catalog GET, and checkout
 * (place an order, then cancel it: inserts and updates on the database, HTTP Basic).
 * <p>
 * Run with {@code benchmarks/request-overhead.sh}, which builds the jars and fetches the agent.
 */
public final class RequestOverhead {

	private static final String TENANT = "acme";

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	/** App and load generator each on a core of their own when the machine allows it: far less noise. */
	private static final boolean PINNED = Runtime.getRuntime().availableProcessors() >= 2
			&& Files.isExecutable(Path.of("/usr/bin/taskset"));

	private static final int BOOTSTRAP_SAMPLES = 10_000;

	private final Path shopJar;

	private final Path agentJar;

	private final Path logs;

	private final Settings settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private RequestOverhead(Path shopJar, Path agentJar, Path logs, Settings settings) {
		this.shopJar = shopJar;
		this.agentJar = agentJar;
		this.logs = logs;
		this.settings = settings;
	}

	/**
	 * Runs the comparison.
	 * @param args the shop jar, the OpenTelemetry agent jar, then optionally rounds, burst
	 * seconds, warm-up seconds, wrk connections and startups per variant
	 * @throws Exception when a run fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			throw new IllegalArgumentException("usage: RequestOverhead <shop jar> <agent jar> [ablation[:name,...]|profile|startup] [rounds] "
					+ "[burst seconds] [warm-up seconds] [connections] [startups]");
		}
		String mode = (args.length > 2 && !Character.isDigit(args[2].charAt(0))) ? args[2] : "compare";
		int first = mode.equals("compare") ? 2 : 3;
		Settings settings = new Settings(argument(args, first, 20), argument(args, first + 1, 5),
				argument(args, first + 2, 30), argument(args, first + 3, 8), argument(args, first + 4, 5));
		Path shopJar = existing(args[0], "shop jar");
		Path agentJar = existing(args[1], "agent jar");
		Path logs = Files.createDirectories(Path.of("benchmarks", "target", "request-overhead"));
		RequestOverhead benchmark = new RequestOverhead(shopJar, agentJar, logs, settings);
		if (mode.startsWith("ablation:")) {
			benchmark.ablate(List.of(mode.substring("ablation:".length()).split(",")));
			return;
		}
		switch (mode) {
			case "compare" -> benchmark.measure();
			case "ablation" -> benchmark.ablate(List.of());
			case "profile" -> benchmark.profile();
			case "startup" -> benchmark.startups();
			default -> throw new IllegalArgumentException("mode must be ablation, profile or startup, was " + mode);
		}
	}

	private void measure() throws Exception {
		header();
		for (Endpoint endpoint : Endpoint.values()) {
			summarize(compare(endpoint, Variant.COMPARED));
		}
		for (Endpoint endpoint : Endpoint.values()) {
			attribute(endpoint);
		}
		startups();
	}

	/**
	 * Prices each concern on checkout, where Vantage does the most: Vantage with every concern
	 * off ("core": the tenant context, the cardinality guard, endpoints) against Vantage off,
	 * then each concern switched on alone against core. Each pair runs on its own (two JVMs on
	 * the app core, not a dozen), warmed, in rotating bursts.
	 */
	private void ablate(List<String> only) throws Exception {
		header();
		System.out.printf("%n== each concern alone, %s: per-round ratios against the baseline, median [95%% interval] ==%n",
				Endpoint.CHECKOUT.label);
		String header = String.format("%-73s %-21s %-21s %s", "variant / baseline", "CPU/request",
				"allocation/request", "p99 difference ms");
		List<String> rows = new ArrayList<>();
		for (Variant variant : Variant.ABLATION) {
			if (!only.isEmpty() && !only.contains(variant.name())) {
				continue;
			}
			Map<Variant, List<Burst>> bursts = compare(Endpoint.CHECKOUT, List.of(variant.baseline(), variant));
			List<Burst> runs = bursts.get(variant);
			List<Burst> baseline = bursts.get(variant.baseline());
			rows.add(String.format("%-42s / %-28s %-21s %-21s %s", variant.label(), variant.baseline().label(),
					ratio(runs, baseline, Burst::cpuMicros).format("%.3f"),
					ratio(runs, baseline, Burst::bytes).format("%.3f"),
					difference(runs, baseline, Burst::p99Millis).format("%+.2f")));
			// The table so far after each pair: a long run stopped early keeps what it measured.
			System.out.println();
			System.out.println(header);
			rows.forEach(System.out::println);
		}
	}

	/** Only the in-process attribution of both endpoints (a few minutes, immune to machine noise). */
	private void profile() throws Exception {
		header();
		for (Endpoint endpoint : Endpoint.values()) {
			attribute(endpoint);
		}
	}

	private void header() {
		System.out.printf("wrk -t1 -c%d, %d rounds of %d s bursts per variant after %d s warm-up (then until two "
				+ "bursts agree within 3 %%), JDK %s, %s%n", this.settings.connections(), this.settings.rounds(),
				this.settings.burstSeconds(), this.settings.warmUpSeconds(), Runtime.version(),
				PINNED ? "apps on CPU 0, wrk on CPU 1" : "not pinned");
	}

	/** Starts every variant once, warms each, then loads them in short bursts, rotating the order each round. */
	private Map<Variant, List<Burst>> compare(Endpoint endpoint, List<Variant> variants) throws Exception {
		System.out.printf("%n== %s ==%n", endpoint.label);
		Map<Variant, App> apps = new LinkedHashMap<>();
		try {
			for (Variant variant : variants) {
				App app = start(variant, endpoint.name().toLowerCase(Locale.ROOT), List.of());
				apps.put(variant, app);
				warm(app, endpoint);
			}
			Map<Variant, List<Burst>> bursts = new LinkedHashMap<>();
			for (int round = 0; round < this.settings.rounds(); round++) {
				for (int i = 0; i < variants.size(); i++) {
					Variant variant = variants.get((i + round) % variants.size());
					Burst burst = burst(apps.get(variant), endpoint);
					bursts.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(burst);
				}
				System.out.printf("round %2d  %s: %s%n", round + 1, variants.get(1).label(),
						bursts.get(variants.get(1)).get(round));
			}
			return bursts;
		}
		finally {
			for (App app : apps.values()) {
				app.close();
			}
		}
	}

	/**
	 * Warms a JVM for the warm-up time, then with 5 s bursts until two in a row agree on CPU
	 * per request within 3 % (at most twenty): a JIT still compiling widens every interval.
	 */
	private void warm(App app, Endpoint endpoint) throws Exception {
		wrk(app, endpoint, this.settings.warmUpSeconds(), false);
		double previous = burst(app, endpoint, 5).cpuMicros();
		for (int i = 0; i < 20; i++) {
			double current = burst(app, endpoint, 5).cpuMicros();
			if (Math.abs(current - previous) <= 0.03 * previous) {
				return;
			}
			previous = current;
		}
		System.out.printf("%s: CPU per request still moving after warm-up (last %.1f us)%n", app.label, previous);
	}

	private Burst burst(App app, Endpoint endpoint) throws Exception {
		return burst(app, endpoint, this.settings.burstSeconds());
	}

	private Burst burst(App app, Endpoint endpoint, int seconds) throws Exception {
		long cpuBefore = app.cpuNanos();
		Map<Long, Long> allocatedBefore = app.allocatedPerThread();
		String report = wrk(app, endpoint, seconds, true);
		long cpu = app.cpuNanos() - cpuBefore;
		long allocated = app.allocatedSince(allocatedBefore);
		long requests = Long.parseLong(find(REQUESTS, report));
		return new Burst(requests / (double) seconds, cpu / 1000.0 / requests,
				(double) allocated / requests, percentile(report, "50"), percentile(report, "99"));
	}

	private void summarize(Map<Variant, List<Burst>> bursts) {
		System.out.println();
		System.out.println("medians [95% interval]       req/s                 CPU us/request        "
				+ "B/request                   p50 ms           p99 ms");
		for (Map.Entry<Variant, List<Burst>> entry : bursts.entrySet()) {
			List<Burst> runs = entry.getValue();
			System.out.printf("%-28s %-21s %-21s %-27s %-16s %s%n", entry.getKey().label(),
					Interval.ofMedian(values(runs, Burst::throughput)).format("%.0f"),
					Interval.ofMedian(values(runs, Burst::cpuMicros)).format("%.1f"),
					Interval.ofMedian(values(runs, Burst::bytes)).format("%.0f"),
					Interval.ofMedian(values(runs, Burst::p50Millis)).format("%.2f"),
					Interval.ofMedian(values(runs, Burst::p99Millis)).format("%.2f"));
		}
		List<Burst> on = bursts.get(Variant.VANTAGE);
		List<Burst> off = bursts.get(Variant.OFF);
		List<Burst> agent = bursts.get(Variant.AGENT);
		System.out.println();
		System.out.println("per-round ratios, median [95% interval]");
		System.out.printf("Vantage on / off:    CPU/request %s (target <= 1.05), allocation %s, throughput %s "
				+ "(target >= 0.95), p99 %s ms (target <= +1)%n", ratio(on, off, Burst::cpuMicros).format("%.3f"),
				ratio(on, off, Burst::bytes).format("%.3f"), ratio(on, off, Burst::throughput).format("%.3f"),
				difference(on, off, Burst::p99Millis).format("%+.2f"));
		System.out.printf("Vantage on / agent:  CPU/request %s (target < 1), allocation %s (target < 1), "
				+ "throughput %s%n", ratio(on, agent, Burst::cpuMicros).format("%.3f"),
				ratio(on, agent, Burst::bytes).format("%.3f"), ratio(on, agent, Burst::throughput).format("%.3f"));
	}

	/**
	 * A JFR profile of Vantage on under load: of the request threads' CPU samples, the share
	 * whose nearest frame outside the libraries Vantage calls (Micrometer, OpenTelemetry, the
	 * JDK, logging and JSON) is Vantage's own, with a binomial 95 % interval and the top frames.
	 */
	private void attribute(Endpoint endpoint) throws Exception {
		System.out.printf("%n== where the request threads' CPU goes, Vantage on, %s ==%n", endpoint.label);
		Path recording = this.logs.resolve("vantage-on-" + endpoint.name().toLowerCase(Locale.ROOT) + ".jfr");
		Files.deleteIfExists(recording);
		try (App app = start(Variant.VANTAGE, "jfr-" + endpoint.name().toLowerCase(Locale.ROOT), List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,"
				+ "filename=" + recording, "-XX:FlightRecorderOptions=stackdepth=256"))) {
			warm(app, endpoint);
			wrk(app, endpoint, this.settings.warmUpSeconds(), false);
		}
		long samples = 0;
		long vantage = 0;
		Map<String, Long> topFrames = new HashMap<>();
		Map<String, Long> concerns = new HashMap<>();
		long allocated = 0;
		long allocatedByVantage = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String kind = event.getEventType().getName();
			boolean cpu = kind.equals("jdk.ExecutionSample");
			if (!(cpu || kind.equals("jdk.ObjectAllocationSample")) || event.getStackTrace() == null
					|| !event.getThread(cpu ? "sampledThread" : "eventThread").getJavaName().startsWith("http-nio-")) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			RecordedFrame owner = frames.stream().filter((frame) -> !isLibrary(type(frame))).findFirst().orElse(null);
			boolean byVantage = owner != null && isVantage(type(owner));
			if (!cpu) {
				long weight = event.getLong("weight");
				allocated += weight;
				allocatedByVantage += byVantage ? weight : 0;
				continue;
			}
			samples++;
			if (byVantage) {
				vantage++;
				concerns.merge(concernOf(type(owner)), 1L, Long::sum);
				RecordedFrame top = frames.get(0);
				topFrames.merge(type(top) + "." + top.getMethod().getName(), 1L, Long::sum);
			}
		}
		if (samples == 0) {
			throw new IllegalStateException("No request-thread samples in " + recording);
		}
		double share = (double) vantage / samples;
		double margin = 1.96 * Math.sqrt(share * (1 - share) / samples);
		System.out.printf("%d request-thread samples; Vantage's work: %.2f %% [%.2f, %.2f] (target <= 3 %%)%n", samples,
				share * 100, Math.max(0, share - margin) * 100, (share + margin) * 100);
		System.out.printf("request threads' sampled allocation: %.2f %% by Vantage's work%n",
				(allocated > 0) ? allocatedByVantage * 100.0 / allocated : 0.0);
		double all = samples;
		System.out.println("by concern (package of the owning Vantage frame):");
		concerns.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((concern) -> System.out.printf("  %5.2f %%  %s%n", concern.getValue() * 100 / all, concern.getKey()));
		System.out.println("top frames:");
		topFrames.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(10)
			.forEach((frame) -> System.out.printf("  %5.2f %%  %s%n", frame.getValue() * 100 / all, frame.getKey()));
	}

	private static String type(RecordedFrame frame) {
		return frame.getMethod().getType().getName();
	}

	/** What Vantage adds: its own code, the JSON encoder of its logs and the JDBC proxy it installs. */
	private static boolean isVantage(String type) {
		return type.startsWith("dev.vantage.observability.") && !type.startsWith("dev.vantage.observability.benchmarks")
				|| type.startsWith("net.logstash.") || type.startsWith("net.ttddyy.");
	}

	/** The concern a Vantage frame belongs to: its package under Vantage's root (the proxies and encoder by what installs them). */
	private static String concernOf(String type) {
		if (type.startsWith("net.logstash.")) {
			return "logging (JSON encoder)";
		}
		if (type.startsWith("net.ttddyy.")) {
			return "db (JDBC proxy)";
		}
		String rest = type.substring("dev.vantage.observability.".length());
		if (rest.startsWith("autoconfigure.")) {
			rest = rest.substring("autoconfigure.".length());
		}
		int dot = rest.indexOf('.');
		return (dot > 0) ? rest.substring(0, dot) : rest;
	}

	/** Libraries Vantage (and everyone else) calls into: a sample there belongs to its nearest caller. */
	private static boolean isLibrary(String type) {
		for (String library : List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "io.micrometer.",
				"io.opentelemetry.", "io.prometheus.", "ch.qos.logback.", "org.slf4j.", "tools.jackson.",
				"com.fasterxml.jackson.", "com.github.benmanes.caffeine.")) {
			if (type.startsWith(library)) {
				return true;
			}
		}
		return false;
	}

	/** Time to readiness of each variant, started in turn with nothing else running. */
	private void startups() throws Exception {
		System.out.printf("%n== startup to readiness, %d starts per variant ==%n", this.settings.startups());
		Map<Variant, List<Double>> seconds = new LinkedHashMap<>();
		List<Variant> variants = Variant.COMPARED;
		for (int round = 0; round < this.settings.startups(); round++) {
			for (int i = 0; i < variants.size(); i++) {
				Variant variant = variants.get((i + round) % variants.size());
				try (App app = start(variant, "startup", List.of())) {
					seconds.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(app.startupSeconds);
				}
			}
		}
		for (Variant variant : variants) {
			System.out.printf("%-28s %s s%n", variant.label(),
					Interval.ofMedian(seconds.get(variant).stream().mapToDouble(Double::doubleValue).toArray())
						.format("%.2f"));
		}
		System.out.printf("Vantage on - off: %s s (target <= +1); agent - off: %s s%n",
				pairedDifference(seconds.get(Variant.VANTAGE), seconds.get(Variant.OFF)).format("%+.2f"),
				pairedDifference(seconds.get(Variant.AGENT), seconds.get(Variant.OFF)).format("%+.2f"));
	}

	private App start(Variant variant, String phase, List<String> jvmOptions) throws Exception {
		int port = freePort();
		List<String> command = pinnedTo(0);
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xms512m", "-Xmx512m"));
		command.addAll(jvmOptions);
		if (variant.agent()) {
			command.add("-javaagent:" + this.agentJar);
		}
		String name = variant.name() + "-" + phase;
		command.addAll(List.of("-jar", this.shopJar.toString(), "--server.port=" + port,
				"--observability.audit.file=" + this.logs.resolve(name + "-audit.json"),
				"--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"));
		command.addAll(variant.arguments());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.logs.resolve(name + ".log").toFile());
		// The agent instruments everything and exports nothing.
		builder.environment().putAll(Map.of("OTEL_TRACES_EXPORTER", "none", "OTEL_METRICS_EXPORTER", "none",
				"OTEL_LOGS_EXPORTER", "none", "OTEL_SERVICE_NAME", "sample-shop"));
		long started = System.nanoTime();
		Process process = builder.start();
		try {
			String base = "http://127.0.0.1:" + port;
			awaitReady(process, base);
			return new App(variant.label(), process, base, (System.nanoTime() - started) / 1e9);
		}
		catch (Exception ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	private void awaitReady(Process app, String base) throws Exception {
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException("The shop exited with " + app.exitValue() + "; see " + this.logs);
			}
			try {
				if (this.http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("The shop was not ready within 2 minutes; see " + this.logs);
	}

	private String wrk(App app, Endpoint endpoint, int seconds, boolean latency) throws Exception {
		List<String> command = pinnedTo(1);
		command.addAll(List.of("wrk", "-t1", "-c" + this.settings.connections(), "-d" + seconds + "s", "-H",
				"X-Tenant-Id: " + TENANT));
		if (latency) {
			command.add("--latency");
		}
		if (endpoint.script != null) {
			Path script = this.logs.resolve(endpoint.name().toLowerCase(Locale.ROOT) + ".lua");
			Files.writeString(script, endpoint.script);
			command.addAll(List.of("-s", script.toString()));
		}
		command.add(app.base + endpoint.path);
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0 || report.contains("Non-2xx") || report.contains("Socket errors")) {
			throw new IllegalStateException("wrk failed or saw errors:\n" + report);
		}
		return report;
	}

	private static List<String> pinnedTo(int cpu) {
		return PINNED ? new ArrayList<>(List.of("taskset", "-c", Integer.toString(cpu))) : new ArrayList<>();
	}

	private static double percentile(String report, String percentile) {
		Matcher matcher = PERCENTILE.matcher(report);
		while (matcher.find()) {
			if (matcher.group(1).equals(percentile)) {
				double value = Double.parseDouble(matcher.group(2));
				return switch (matcher.group(3)) {
					case "us" -> value / 1000;
					case "s" -> value * 1000;
					default -> value;
				};
			}
		}
		throw new IllegalStateException("No " + percentile + "% latency in:\n" + report);
	}

	private static double[] values(List<Burst> bursts, ToDoubleFunction<Burst> value) {
		return bursts.stream().mapToDouble(value).toArray();
	}

	/** The median of the per-round ratios a / b, with its bootstrap interval. */
	private static Interval ratio(List<Burst> a, List<Burst> b, ToDoubleFunction<Burst> value) {
		double[] ratios = new double[a.size()];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = value.applyAsDouble(a.get(i)) / value.applyAsDouble(b.get(i));
		}
		return Interval.ofMedian(ratios);
	}

	/** The median of the per-round differences a - b, with its bootstrap interval. */
	private static Interval difference(List<Burst> a, List<Burst> b, ToDoubleFunction<Burst> value) {
		double[] differences = new double[a.size()];
		for (int i = 0; i < differences.length; i++) {
			differences[i] = value.applyAsDouble(a.get(i)) - value.applyAsDouble(b.get(i));
		}
		return Interval.ofMedian(differences);
	}

	private static Interval pairedDifference(List<Double> a, List<Double> b) {
		double[] differences = new double[a.size()];
		for (int i = 0; i < differences.length; i++) {
			differences[i] = a.get(i) - b.get(i);
		}
		return Interval.ofMedian(differences);
	}

	private static String find(Pattern pattern, String report) {
		Matcher matcher = pattern.matcher(report);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + pattern + " in:\n" + report);
		}
		return matcher.group(1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static int argument(String[] args, int index, int fallback) {
		if (args.length <= index) {
			return fallback;
		}
		int value = Integer.parseInt(args[index]);
		if (value < 1) {
			throw new IllegalArgumentException("argument " + (index + 1) + " must be at least 1, was " + value);
		}
		return value;
	}

	private static Path existing(String path, String name) {
		Path file = Path.of(path);
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("'" + name + "' " + path + " does not exist");
		}
		return file.toAbsolutePath();
	}

	/**
	 * One configuration of the shop under test.
	 * @param name a short name for its files
	 * @param label its name in the tables
	 * @param agent whether it runs under the OpenTelemetry agent
	 * @param baseline what the ablation compares it with, if anything
	 * @param arguments its Spring Boot arguments
	 */
	private record Variant(String name, String label, boolean agent, Variant baseline, List<String> arguments) {

		static final Variant OFF = new Variant("off", "Vantage off (plain Actuator)", false, null,
				List.of("--observability.enabled=false"));

		static final Variant VANTAGE = new Variant("vantage", "Vantage on", false, null, List.of());

		static final Variant AGENT = new Variant("agent", "off + OpenTelemetry agent", true, null,
				OFF.arguments());

		/**
		 * Every concern's switch, all off: what is left is Vantage's core. The shop's latency
		 * SLO needs its one bucket (first here), which Vantage adds with the HTTP concern.
		 */
		private static final List<String> CONCERNS_OFF = List.of(
				"--management.metrics.distribution.slo.http.server.requests=300ms",
				"--observability.application.enabled=false",
				"--observability.http.enabled=false", "--observability.db.enabled=false",
				"--observability.cache.enabled=false", "--observability.business.enabled=false",
				"--observability.audit.enabled=false", "--observability.security.enabled=false",
				"--observability.health.enabled=false", "--observability.logging.format=plain");

		static final Variant CORE = new Variant("core", "core (every concern off)", false, OFF, CONCERNS_OFF);

		static final Variant SECURITY = alone("security", "Spring Security bridge", "security.enabled=true",
				"security.suspicious-requests.enabled=false");

		static final List<Variant> COMPARED = List.of(OFF, VANTAGE, AGENT);

		/** The JDBC proxy timing statements but making no span of them (Boot's switch of the observation). */
		private static final Variant DB_WITHOUT_SPANS = new Variant("db-no-spans", "JDBC proxy without spans", false,
				CORE, plus(with(CONCERNS_OFF, "db.enabled=true"), "--management.observations.enable.jdbc=false"));

		/** Most telling first: the audit log, JSON logs, the JDBC proxy and security are what checkout uses. */
		static final List<Variant> ABLATION = List.of(CORE, alone("audit", "audit log", "audit.enabled=true"),
				alone("json", "JSON console logs", "logging.format=json"),
				alone("db", "JDBC proxy", "db.enabled=true"),
				new Variant("db-spans", "+ a span per statement", false, DB_WITHOUT_SPANS,
						with(CONCERNS_OFF, "db.enabled=true")),
				SECURITY,
				new Variant("http", "HTTP: SLO buckets, exemplars, tenant timer", false, CORE,
						with(CONCERNS_OFF.subList(1, CONCERNS_OFF.size()), "http.enabled=true")),
				alone("tenant", "HTTP with core's one bucket: tenant timer", "http.enabled=true"),
				new Variant("suspicious", "+ suspicious-request filter", false, SECURITY,
						with(SECURITY.arguments(), "security.suspicious-requests.enabled=true")),
				alone("business", "business meters", "business.enabled=true"),
				alone("application", "application tag", "application.enabled=true"),
				alone("cache", "cache rescan", "cache.enabled=true"), new Variant("on", "Vantage on", false, OFF, List.of()));

		private static Variant alone(String name, String label, String... switches) {
			return new Variant(name, label, false, CORE, with(CONCERNS_OFF, switches));
		}

		private static List<String> plus(List<String> arguments, String argument) {
			List<String> result = new ArrayList<>(arguments);
			result.add(argument);
			return List.copyOf(result);
		}

		/** The arguments with the given {@code observability.*} settings replacing their earlier values. */
		private static List<String> with(List<String> arguments, String... settings) {
			List<String> result = new ArrayList<>();
			for (String argument : arguments) {
				String key = argument.substring(0, argument.indexOf('=') + 1);
				if (Arrays.stream(settings).noneMatch((setting) -> ("--observability." + setting).startsWith(key))) {
					result.add(argument);
				}
			}
			Arrays.stream(settings).map((setting) -> "--observability." + setting).forEach(result::add);
			return List.copyOf(result);
		}

	}

	private enum Endpoint {

		CATALOG("GET /api/products (cached)", "/api/products", null),

		/** Alice (a customer of acme) places an order for one head lamp, then cancels it: stock stays level. */
		CHECKOUT("POST /api/orders + cancel (H2, HTTP Basic)", "/api/orders", """
				wrk.method = "POST"
				wrk.headers["Content-Type"] = "application/json"
				wrk.headers["Authorization"] = "Basic YWxpY2U6cGFzc3dvcmQ="
				local placed = {}
				request = function()
				  local id = table.remove(placed)
				  if id then
				    return wrk.format("POST", "/api/orders/" .. id .. "/cancel", nil, "")
				  end
				  return wrk.format("POST", "/api/orders", nil, '{"items":[{"productId":2,"quantity":1}]}')
				end
				response = function(status, headers, body)
				  if status == 201 then
				    local id = body:match('"id":(%d+)')
				    if id then table.insert(placed, id) end
				  end
				end
				""");

		private final String label;

		private final String path;

		private final String script;

		Endpoint(String label, String path, String script) {
			this.label = label;
			this.path = path;
			this.script = script;
		}

	}

	private record Settings(int rounds, int burstSeconds, int warmUpSeconds, int connections, int startups) {
	}

	private record Burst(double throughput, double cpuMicros, double bytes, double p50Millis, double p99Millis) {

		@Override
		public String toString() {
			return String.format("%7.0f req/s  %6.1f us CPU/request  %8.0f B/request  p99 %6.2f ms",
					this.throughput, this.cpuMicros, this.bytes, this.p99Millis);
		}

	}

	/** A median with its bootstrap 95 % interval (percentile method). */
	private record Interval(double median, double low, double high) {

		static Interval ofMedian(double[] values) {
			SplittableRandom random = new SplittableRandom(42);
			double[] medians = new double[BOOTSTRAP_SAMPLES];
			double[] resample = new double[values.length];
			for (int b = 0; b < BOOTSTRAP_SAMPLES; b++) {
				for (int i = 0; i < values.length; i++) {
					resample[i] = values[random.nextInt(values.length)];
				}
				medians[b] = median(resample);
			}
			Arrays.sort(medians);
			return new Interval(median(values), medians[(int) (BOOTSTRAP_SAMPLES * 0.025)],
					medians[(int) (BOOTSTRAP_SAMPLES * 0.975) - 1]);
		}

		private static double median(double[] values) {
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			int middle = sorted.length / 2;
			return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		}

		String format(String number) {
			return String.format(number + " [" + number + ", " + number + "]", this.median, this.low, this.high);
		}

	}

	/** A shop JVM under test, with its JMX view of CPU time and allocations. */
	private static final class App implements AutoCloseable {

		private final String label;

		private final Process process;

		private final String base;

		private final double startupSeconds;

		private JMXConnector connector;

		private ThreadMXBean threads;

		private OperatingSystemMXBean os;

		App(String label, Process process, String base, double startupSeconds) {
			this.label = label;
			this.process = process;
			this.base = base;
			this.startupSeconds = startupSeconds;
		}

		/** Connects on first use, over a local JMX agent the attach API starts. */
		private void connect() throws Exception {
			if (this.connector != null) {
				return;
			}
			VirtualMachine vm = VirtualMachine.attach(Long.toString(this.process.pid()));
			String address;
			try {
				address = vm.startLocalManagementAgent();
			}
			finally {
				vm.detach();
			}
			this.connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
			this.threads = ManagementFactory.newPlatformMXBeanProxy(this.connector.getMBeanServerConnection(),
					ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
			this.os = ManagementFactory.newPlatformMXBeanProxy(this.connector.getMBeanServerConnection(),
					ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, OperatingSystemMXBean.class);
		}

		long cpuNanos() throws Exception {
			connect();
			return this.os.getProcessCpuTime();
		}

		Map<Long, Long> allocatedPerThread() throws Exception {
			connect();
			long[] ids = this.threads.getAllThreadIds();
			long[] bytes = this.threads.getThreadAllocatedBytes(ids);
			Map<Long, Long> perThread = new LinkedHashMap<>();
			for (int i = 0; i < ids.length; i++) {
				if (bytes[i] >= 0) {
					perThread.put(ids[i], bytes[i]);
				}
			}
			return perThread;
		}

		/** Bytes allocated since the snapshot by the threads alive now (threads that ended are lost). */
		long allocatedSince(Map<Long, Long> before) throws Exception {
			long allocated = 0;
			for (Map.Entry<Long, Long> thread : allocatedPerThread().entrySet()) {
				allocated += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
			}
			return allocated;
		}

		@Override
		public void close() throws Exception {
			if (this.connector != null) {
				this.connector.close();
			}
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
