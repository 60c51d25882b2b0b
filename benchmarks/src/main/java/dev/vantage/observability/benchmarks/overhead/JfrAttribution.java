package dev.vantage.observability.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Of the request threads' CPU samples in a JFR recording, the share whose nearest frame
 * outside the libraries Vantage calls (Micrometer, OpenTelemetry, the JDK, logging and JSON)
 * is Vantage's own, with a binomial 95 % interval, by concern, and the top frames; and the
 * share of the sampled allocation.
 */
final class JfrAttribution {

	private static final String VANTAGE = "dev.vantage.observability.";

	/** Libraries Vantage (and everyone else) calls into: a sample there belongs to its nearest caller. */
	private static final List<String> LIBRARIES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
			"io.micrometer.", "io.opentelemetry.", "io.prometheus.", "ch.qos.logback.", "org.slf4j.", "tools.jackson.",
			"com.fasterxml.jackson.", "com.github.benmanes.caffeine.");

	private long samples;

	private long vantage;

	private long allocated;

	private long allocatedByVantage;

	private final Map<String, Long> concerns = new HashMap<>();

	private final Map<String, Long> topFrames = new HashMap<>();

	private JfrAttribution() {
	}

	/**
	 * Reads a recording.
	 * @param recording the JFR file
	 * @param requestThreads the name prefix of the threads that serve requests
	 * @return the attribution
	 */
	static JfrAttribution of(Path recording, String requestThreads) throws IOException {
		JfrAttribution attribution = new JfrAttribution();
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String kind = event.getEventType().getName();
			boolean cpu = kind.equals("jdk.ExecutionSample");
			if (!(cpu || kind.equals("jdk.ObjectAllocationSample")) || event.getStackTrace() == null
					|| !event.getThread(cpu ? "sampledThread" : "eventThread").getJavaName().startsWith(requestThreads)) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			RecordedFrame owner = frames.stream().filter((frame) -> !isLibrary(type(frame))).findFirst().orElse(null);
			String ownerType = (owner != null && isVantage(type(owner))) ? type(owner) : null;
			RecordedFrame top = frames.isEmpty() ? null : frames.get(0);
			attribution.add(cpu, ownerType, (top != null) ? type(top) + "." + top.getMethod().getName() : "",
					cpu ? 0 : event.getLong("weight"));
		}
		if (attribution.samples == 0) {
			throw new IllegalStateException("No request-thread samples in " + recording);
		}
		return attribution;
	}

	/** Counts one sample: CPU or allocation, owned by a Vantage type or not. */
	void add(boolean cpu, String vantageOwner, String topFrame, long weight) {
		if (!cpu) {
			this.allocated += weight;
			this.allocatedByVantage += (vantageOwner != null) ? weight : 0;
			return;
		}
		this.samples++;
		if (vantageOwner != null) {
			this.vantage++;
			this.concerns.merge(concernOf(vantageOwner), 1L, Long::sum);
			this.topFrames.merge(topFrame, 1L, Long::sum);
		}
	}

	/** The share of CPU samples that are Vantage's, with its binomial 95 % interval. */
	Interval cpuShare() {
		double share = (double) this.vantage / this.samples;
		double margin = 1.96 * Math.sqrt(share * (1 - share) / this.samples);
		return new Interval(share, Math.max(0, share - margin), share + margin);
	}

	void print() {
		Interval share = cpuShare();
		System.out.printf("%d request-thread samples; Vantage's work: %.2f %% [%.2f, %.2f] (target <= 3 %%)%n",
				this.samples, share.median() * 100, share.low() * 100, share.high() * 100);
		System.out.printf("request threads' sampled allocation: %.2f %% by Vantage's work%n",
				(this.allocated > 0) ? this.allocatedByVantage * 100.0 / this.allocated : 0.0);
		System.out.println("by concern (package of the owning Vantage frame):");
		printShares(this.concerns, Integer.MAX_VALUE);
		System.out.println("top frames:");
		printShares(this.topFrames, 10);
	}

	private void printShares(Map<String, Long> counts, int limit) {
		double all = this.samples;
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(limit)
			.forEach((entry) -> System.out.printf("  %5.2f %%  %s%n", entry.getValue() * 100 / all, entry.getKey()));
	}

	private static String type(RecordedFrame frame) {
		return frame.getMethod().getType().getName();
	}

	/** What Vantage adds: its own code and the JSON encoder of its logs. */
	static boolean isVantage(String type) {
		return type.startsWith(VANTAGE) && !type.startsWith(VANTAGE + "benchmarks") || type.startsWith("net.logstash.");
	}

	/** The concern a Vantage frame belongs to: its package under Vantage's root (the encoder by what installs it). */
	static String concernOf(String type) {
		if (type.startsWith("net.logstash.")) {
			return "logging (JSON encoder)";
		}
		String rest = type.substring(VANTAGE.length());
		if (rest.startsWith("autoconfigure.")) {
			rest = rest.substring("autoconfigure.".length());
		}
		int dot = rest.indexOf('.');
		return (dot > 0) ? rest.substring(0, dot) : rest;
	}

	static boolean isLibrary(String type) {
		return LIBRARIES.stream().anyMatch(type::startsWith);
	}

}
