package dev.vantage.observability.benchmarks.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs wrk against a JVM under test, on a core of its own when the machine has two: the app
 * and the load generator then do not compete, which removes most of the noise.
 */
final class Wrk {

	/** App and load generator each on a core of their own when the machine allows it. */
	static final boolean PINNED = Runtime.getRuntime().availableProcessors() >= 2
			&& Files.isExecutable(Path.of("/usr/bin/taskset"));

	private final int connections;

	private final Path scripts;

	private final List<String> headers;

	/**
	 * A runner.
	 * @param connections wrk's connections (one thread)
	 * @param scripts where Lua scripts are written
	 * @param headers headers every request carries, as {@code Name: value}
	 */
	Wrk(int connections, Path scripts, List<String> headers) {
		this.connections = connections;
		this.scripts = scripts;
		this.headers = List.copyOf(headers);
	}

	/**
	 * Loads an endpoint.
	 * @param base the JVM's base URL
	 * @param endpoint the endpoint
	 * @param seconds how long
	 * @param latency whether to record the latency distribution
	 * @return what wrk reported
	 */
	WrkReport run(String base, Endpoint endpoint, int seconds, boolean latency) throws IOException, InterruptedException {
		List<String> command = pinnedTo(1);
		command.addAll(List.of("wrk", "-t1", "-c" + this.connections, "-d" + seconds + "s"));
		for (String header : this.headers) {
			command.addAll(List.of("-H", header));
		}
		if (latency) {
			command.add("--latency");
		}
		if (endpoint.script() != null) {
			Path script = this.scripts.resolve(endpoint.name() + ".lua");
			Files.writeString(script, endpoint.script());
			command.addAll(List.of("-s", script.toString()));
		}
		command.add(base + endpoint.path());
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0) {
			throw new IllegalStateException("wrk failed:\n" + report);
		}
		return WrkReport.parse(report, latency);
	}

	/** The start of a command that runs on one CPU, when pinning is possible. */
	static List<String> pinnedTo(int cpu) {
		return PINNED ? new ArrayList<>(List.of("taskset", "-c", Integer.toString(cpu))) : new ArrayList<>();
	}

}
