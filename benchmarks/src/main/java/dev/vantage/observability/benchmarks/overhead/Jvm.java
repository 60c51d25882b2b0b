package dev.vantage.observability.benchmarks.overhead;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

/**
 * A JVM under test, on CPU 0 when pinning is possible, with its JMX view of CPU time and
 * allocations (over a local agent the attach API starts, so the app needs no JMX options).
 */
final class Jvm implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Duration READY_WITHIN = Duration.ofMinutes(2);

	private final String label;

	private final Process process;

	private final String base;

	private final double startupSeconds;

	private JMXConnector connector;

	private ThreadMXBean threads;

	private OperatingSystemMXBean os;

	private Jvm(String label, Process process, String base, double startupSeconds) {
		this.label = label;
		this.process = process;
		this.base = base;
		this.startupSeconds = startupSeconds;
	}

	/**
	 * Starts a Boot jar on a free port and waits for its readiness probe.
	 * @param label the name in the tables
	 * @param command the JVM options, {@code -javaagent} included, then {@code -jar} and the
	 * jar, then the application's arguments ({@code --server.port} is added)
	 * @param environment the process's extra environment
	 * @param log where its output goes
	 * @return the running JVM
	 */
	static Jvm start(String label, List<String> command, Map<String, String> environment, Path log)
			throws IOException, InterruptedException {
		int port = freePort();
		List<String> all = Wrk.pinnedTo(0);
		all.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		all.addAll(command);
		all.add("--server.port=" + port);
		ProcessBuilder builder = new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		long started = System.nanoTime();
		Process process = builder.start();
		try {
			String base = "http://127.0.0.1:" + port;
			awaitReady(process, base, log);
			return new Jvm(label, process, base, (System.nanoTime() - started) / 1e9);
		}
		catch (InterruptedException | RuntimeException ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	private static void awaitReady(Process app, String base, Path log) throws InterruptedException {
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + READY_WITHIN.toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException("The app exited with " + app.exitValue() + "; see " + log);
			}
			try {
				if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("The app was not ready within " + READY_WITHIN + "; see " + log);
	}

	String label() {
		return this.label;
	}

	String base() {
		return this.base;
	}

	/** From process start to a ready readiness probe. */
	double startupSeconds() {
		return this.startupSeconds;
	}

	/**
	 * One burst of load, with the CPU time and allocation it cost.
	 * @param wrk the load generator
	 * @param endpoint what to load
	 * @param seconds how long
	 * @return the burst
	 */
	Burst burst(Wrk wrk, Endpoint endpoint, int seconds) throws Exception {
		long cpuBefore = cpuNanos();
		Map<Long, Long> allocatedBefore = allocatedPerThread();
		WrkReport report = wrk.run(this.base, endpoint, seconds, true);
		long cpu = cpuNanos() - cpuBefore;
		return Burst.of(report, seconds, cpu, allocatedSince(allocatedBefore));
	}

	/** Connects on first use. */
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

	private long cpuNanos() throws Exception {
		connect();
		return this.os.getProcessCpuTime();
	}

	private Map<Long, Long> allocatedPerThread() throws Exception {
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
	private long allocatedSince(Map<Long, Long> before) throws Exception {
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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A command under construction: JVM options, an optional agent, the jar and its arguments. */
	static List<String> command(List<String> jvmOptions, Path agent, Path jar, List<String> arguments) {
		List<String> command = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
		command.addAll(jvmOptions);
		if (agent != null) {
			command.add("-javaagent:" + agent);
		}
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(arguments);
		return command;
	}

}
