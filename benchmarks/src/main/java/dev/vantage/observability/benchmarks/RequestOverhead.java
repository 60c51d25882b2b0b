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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

/**
 * Request overhead on the sample shop's catalog endpoint, measured with wrk: the same jar with
 * Vantage off (the baseline), with Vantage on, and with Vantage off under the OpenTelemetry
 * Java agent. Every run starts a fresh JVM and measures the time to readiness, then warms
 * up, then runs wrk with latency percentiles while the app's per-thread allocation counters
 * are read through JMX. Runs are interleaved (the order rotates each round) and medians are
 * compared, because app and load generator share the machine's cores.
 * <p>
 * Run with {@code benchmarks/request-overhead.sh}, which builds the jars and fetches the agent.
 */
public final class RequestOverhead {

	private static final String TENANT = "acme";

	private static final String PATH = "/api/products";

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

	private static final Pattern THROUGHPUT = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	private final Path shopJar;

	private final Path agentJar;

	private final Path logs;

	private final Settings settings;

	/** App and load generator each on a core of their own when the machine allows it: far less noise. */
	private static final boolean PINNED = Runtime.getRuntime().availableProcessors() >= 2
			&& Files.isExecutable(Path.of("/usr/bin/taskset"));

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private RequestOverhead(Path shopJar, Path agentJar, Path logs, Settings settings) {
		this.shopJar = shopJar;
		this.agentJar = agentJar;
		this.logs = logs;
		this.settings = settings;
	}

	/**
	 * Runs the comparison.
	 * @param args the shop jar, the OpenTelemetry agent jar, then optionally rounds, measured
	 * seconds, warm-up seconds and wrk connections
	 * @throws Exception when a run fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			throw new IllegalArgumentException(
					"usage: RequestOverhead <shop jar> <agent jar> [rounds] [seconds] [warm-up seconds] [connections]");
		}
		Settings settings = new Settings(argument(args, 2, 3), argument(args, 3, 20), argument(args, 4, 15),
				argument(args, 5, 16));
		Path shopJar = existing(args[0], "shop jar");
		Path agentJar = existing(args[1], "agent jar");
		Path logs = Files.createDirectories(Path.of("benchmarks", "target", "request-overhead"));
		new RequestOverhead(shopJar, agentJar, logs, settings).compare();
	}

	private void compare() throws Exception {
		System.out.printf("GET %s (X-Tenant-Id: %s), wrk -t1 -c%d, %d s warm-up + %d s measured, %d rounds, JDK %s, %s%n",
				PATH, TENANT, this.settings.connections(), this.settings.warmUpSeconds(), this.settings.seconds(),
				this.settings.rounds(), Runtime.version(), PINNED ? "app on CPU 0, wrk on CPU 1" : "not pinned");
		Map<Variant, List<Run>> runs = new EnumMap<>(Variant.class);
		Variant[] variants = Variant.values();
		for (int round = 0; round < this.settings.rounds(); round++) {
			for (int i = 0; i < variants.length; i++) {
				Variant variant = variants[(i + round) % variants.length];
				Run run = run(variant, round);
				System.out.printf("round %d  %-34s %s%n", round + 1, variant.label, run);
				runs.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(run);
			}
		}
		summarize(runs);
	}

	private Run run(Variant variant, int round) throws Exception {
		int port = freePort();
		List<String> command = pinnedTo(0);
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xms512m");
		command.add("-Xmx512m");
		if (variant == Variant.AGENT) {
			command.add("-javaagent:" + this.agentJar);
		}
		command.addAll(List.of("-jar", this.shopJar.toString(), "--server.port=" + port,
				"--observability.audit.file=" + this.logs.resolve("audit.json")));
		if (variant != Variant.VANTAGE) {
			command.add("--observability.enabled=false");
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.logs.resolve(variant.name().toLowerCase() + "-" + (round + 1) + ".log").toFile());
		// Overhead runs of the agent: instrumentation on, nothing exported.
		builder.environment().putAll(Map.of("OTEL_TRACES_EXPORTER", "none", "OTEL_METRICS_EXPORTER", "none",
				"OTEL_LOGS_EXPORTER", "none", "OTEL_SERVICE_NAME", "sample-shop"));
		long started = System.nanoTime();
		Process app = builder.start();
		try {
			String base = "http://127.0.0.1:" + port;
			awaitReady(app, base);
			double startupSeconds = (System.nanoTime() - started) / 1e9;
			wrk(base, this.settings.warmUpSeconds(), false);
			try (Allocations allocations = Allocations.of(app)) {
				Map<Long, Long> before = allocations.perThread();
				String report = wrk(base, this.settings.seconds(), true);
				long allocated = allocations.since(before);
				long requests = Long.parseLong(find(REQUESTS, report));
				return new Run(startupSeconds, Double.parseDouble(find(THROUGHPUT, report)), percentile(report, "50"),
						percentile(report, "99"), (double) allocated / requests);
			}
		}
		finally {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor();
			}
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

	private String wrk(String base, int seconds, boolean latency) throws Exception {
		List<String> command = pinnedTo(1);
		command.addAll(List.of("wrk", "-t1", "-c" + this.settings.connections(), "-d" + seconds + "s", "-H",
				"X-Tenant-Id: " + TENANT));
		if (latency) {
			command.add("--latency");
		}
		command.add(base + PATH);
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

	private static void summarize(Map<Variant, List<Run>> runs) {
		Run off = median(runs.get(Variant.OFF));
		Run on = median(runs.get(Variant.VANTAGE));
		Run agent = median(runs.get(Variant.AGENT));
		System.out.println();
		System.out.println("medians                            startup    req/s     p50 ms   p99 ms   B/request");
		for (Variant variant : Variant.values()) {
			System.out.printf("%-34s %s%n", variant.label, median(runs.get(variant)));
		}
		System.out.println();
		System.out.printf("Vantage on / off:   throughput %.3f (target >= 0.95), p99 %+.2f ms (target <= +1 ms), "
				+ "startup %+.2f s (target <= +1 s), allocation %.2fx%n", on.throughput() / off.throughput(),
				on.p99Millis() - off.p99Millis(), on.startupSeconds() - off.startupSeconds(),
				on.bytesPerRequest() / off.bytesPerRequest());
		System.out.printf("OTel agent / off:   throughput %.3f, p99 %+.2f ms, startup %+.2f s, allocation %.2fx%n",
				agent.throughput() / off.throughput(), agent.p99Millis() - off.p99Millis(),
				agent.startupSeconds() - off.startupSeconds(), agent.bytesPerRequest() / off.bytesPerRequest());
		System.out.printf("Vantage / OTel agent: throughput %.3f (target > 1), allocation %.2fx (target < 1)%n",
				on.throughput() / agent.throughput(), on.bytesPerRequest() / agent.bytesPerRequest());
	}

	private static Run median(List<Run> runs) {
		return new Run(median(runs, Run::startupSeconds), median(runs, Run::throughput), median(runs, Run::p50Millis),
				median(runs, Run::p99Millis), median(runs, Run::bytesPerRequest));
	}

	private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
		double[] values = runs.stream().mapToDouble(value).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
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

	private enum Variant {

		OFF("Vantage off (baseline)"), VANTAGE("Vantage on"), AGENT("Vantage off + OpenTelemetry agent");

		private final String label;

		Variant(String label) {
			this.label = label;
		}

	}

	private record Settings(int rounds, int seconds, int warmUpSeconds, int connections) {
	}

	private record Run(double startupSeconds, double throughput, double p50Millis, double p99Millis,
			double bytesPerRequest) {

		@Override
		public String toString() {
			return String.format("%6.2f s  %8.0f  %7.2f  %7.2f  %9.0f", this.startupSeconds, this.throughput,
					this.p50Millis, this.p99Millis, this.bytesPerRequest);
		}

	}

	/**
	 * The bytes the app's threads allocate, from the JVM's per-thread counters read over a
	 * local JMX connection (the attach API starts the agent).
	 */
	private static final class Allocations implements AutoCloseable {

		private final JMXConnector connector;

		private final ThreadMXBean threads;

		private Allocations(JMXConnector connector, ThreadMXBean threads) {
			this.connector = connector;
			this.threads = threads;
		}

		static Allocations of(Process app) throws Exception {
			VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
			String address;
			try {
				address = vm.startLocalManagementAgent();
			}
			finally {
				vm.detach();
			}
			JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
			return new Allocations(connector, ManagementFactory.newPlatformMXBeanProxy(
					connector.getMBeanServerConnection(), ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class));
		}

		Map<Long, Long> perThread() {
			long[] ids = this.threads.getAllThreadIds();
			long[] bytes = this.threads.getThreadAllocatedBytes(ids);
			Map<Long, Long> perThread = new HashMap<>();
			for (int i = 0; i < ids.length; i++) {
				if (bytes[i] >= 0) {
					perThread.put(ids[i], bytes[i]);
				}
			}
			return perThread;
		}

		/** Bytes allocated since the snapshot by the threads alive now (threads that ended are lost). */
		long since(Map<Long, Long> before) {
			long allocated = 0;
			for (Map.Entry<Long, Long> thread : perThread().entrySet()) {
				allocated += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
			}
			return allocated;
		}

		@Override
		public void close() throws IOException {
			this.connector.close();
		}

	}

}
