package dev.vantage.observability.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where startup goes: the minimal service started bare, with the starter, and with the starter
 * switched off ({@code observability.enabled=false}, its jars still there), each under a JFR
 * recording from the first instruction, restarts rotating. Per variant it reports the median
 * time to readiness, the main thread's CPU samples by phase of Boot's startup (environment and
 * logging, bean factory post-processors, web server, singletons), those with a Vantage frame
 * on the stack, those in Logback's configuration, and the classes loaded; for the starter, the
 * Vantage frames seen most. A sample is about 10 ms of the main thread running Java code (JFR's
 * profile settings); time the main thread spends waiting is not in it.
 * <p>
 * Run with {@code benchmarks/startup-profile.sh}.
 */
public final class StartupProfile {

	/** Phases of Boot's startup, by the frame that is on the stack while each runs. */
	static final Map<String, String> PHASES = phases();

	private static final String VANTAGE = "dev.vantage.observability.";

	/**
	 * Configuring Logback: Boot's initialization of it (from its defaults in code, or from a
	 * file), and what Vantage adds right after.
	 */
	private static final List<String> LOGBACK_CONFIGURATION = List.of(
			"org.springframework.boot.logging.logback.LogbackLoggingSystem.initialize",
			"dev.vantage.observability.autoconfigure.logging.LogbackSetup.onApplicationEvent");

	private StartupProfile() {
	}

	private static Map<String, String> phases() {
		Map<String, String> phases = new LinkedHashMap<>();
		phases.put("org.springframework.boot.SpringApplication.prepareEnvironment", "environment and logging");
		phases.put("org.springframework.context.support.AbstractApplicationContext.invokeBeanFactoryPostProcessors",
				"configuration classes and conditions");
		phases.put("org.springframework.context.support.AbstractApplicationContext.registerBeanPostProcessors",
				"bean post-processors");
		phases.put("org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext.onRefresh",
				"web server");
		phases.put("org.springframework.context.support.AbstractApplicationContext.finishBeanFactoryInitialization",
				"singletons");
		return phases;
	}

	/**
	 * Runs the profile.
	 * @param args the bare jar, the jar with the starter, optionally the starts per variant (3)
	 * @throws Exception when a start fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			throw new IllegalArgumentException("usage: StartupProfile <bare jar> <jar with the starter> [starts]");
		}
		Path bare = RequestOverhead.existing(args[0], "bare jar");
		Path vantage = RequestOverhead.existing(args[1], "jar with the starter");
		int starts = (args.length > 2) ? starts(args[2]) : 3;
		Path logs = Files.createDirectories(Path.of("benchmarks", "target", "startup-profile"));
		Map<String, List<Sampled>> runs = new LinkedHashMap<>();
		List<String[]> variants = List.of(new String[] { "bare", bare.toString() },
				new String[] { "with the starter", vantage.toString() },
				new String[] { "with the starter, observability.enabled=false", vantage.toString(),
						"--observability.enabled=false" });
		for (int start = 0; start < starts; start++) {
			for (int i = 0; i < variants.size(); i++) {
				String[] variant = variants.get((i + start) % variants.size());
				String name = "start-" + (start + 1) + "-" + ((i + start) % variants.size());
				Path recording = logs.resolve(name + ".jfr");
				List<String> arguments = new ArrayList<>(List.of(
						"--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
						"--observability.audit.file=" + logs.resolve(name + "-audit.json")));
				arguments.addAll(List.of(variant).subList(2, variant.length));
				double seconds;
				try (Jvm jvm = Jvm.start(variant[0], Jvm.command(List.of("-XX:FlightRecorderOptions:stackdepth=1024",
						"-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true"), null,
						Path.of(variant[1]), arguments), Map.of(), logs.resolve(name + ".log"))) {
					seconds = jvm.startupSeconds();
				}
				Sampled sampled = Sampled.of(recording, seconds);
				runs.computeIfAbsent(variant[0], (key) -> new ArrayList<>()).add(sampled);
				System.out.printf("start %d  %-46s %s%n", start + 1, variant[0], sampled);
			}
		}
		System.out.printf("%n== medians of %d starts: main-thread CPU samples (about 10 ms each) ==%n", starts);
		for (Map.Entry<String, List<Sampled>> entry : runs.entrySet()) {
			System.out.printf("%-46s %s%n", entry.getKey(), Sampled.median(entry.getValue()));
		}
		System.out.println("\nVantage frames seen most on the main thread, with the starter (samples, all starts):");
		Map<String, Integer> frames = new LinkedHashMap<>();
		runs.get("with the starter")
			.forEach((sampled) -> sampled.vantageFrames.forEach((frame, count) -> frames.merge(frame, count, Integer::sum)));
		frames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
			.forEach((entry) -> System.out.printf("%5d  %s%n", entry.getValue(), entry.getKey()));
	}

	static int starts(String argument) {
		try {
			int starts = Integer.parseInt(argument.strip());
			if (starts > 0) {
				return starts;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("'starts' must be a positive whole number, not '" + argument + "'");
	}

	/** One start's readiness time and main-thread samples. */
	static final class Sampled {

		final double seconds;

		final int samples;

		final Map<String, Integer> byPhase = new LinkedHashMap<>();

		final int withVantageFrame;

		final int inLogbackConfiguration;

		final long classesLoaded;

		final Map<String, Integer> vantageFrames;

		Sampled(double seconds, int samples, Map<String, Integer> byPhase, int withVantageFrame,
				int inLogbackConfiguration, long classesLoaded, Map<String, Integer> vantageFrames) {
			this.seconds = seconds;
			this.samples = samples;
			PHASES.values().forEach((phase) -> this.byPhase.put(phase, byPhase.getOrDefault(phase, 0)));
			this.withVantageFrame = withVantageFrame;
			this.inLogbackConfiguration = inLogbackConfiguration;
			this.classesLoaded = classesLoaded;
			this.vantageFrames = vantageFrames;
		}

		static Sampled of(Path recording, double seconds) throws IOException {
			Map<String, Integer> byPhase = new LinkedHashMap<>();
			Map<String, Integer> vantageFrames = new LinkedHashMap<>();
			int samples = 0;
			int vantage = 0;
			int logback = 0;
			long classes = 0;
			for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
				String kind = event.getEventType().getName();
				if (kind.equals("jdk.ClassLoadingStatistics")) {
					classes = Math.max(classes, event.getLong("loadedClassCount"));
				}
				if (!kind.equals("jdk.ExecutionSample") || event.getStackTrace() == null
						|| !"main".equals(event.getThread("sampledThread").getJavaName())) {
					continue;
				}
				samples++;
				List<String> frames = event.getStackTrace().getFrames().stream().map(StartupProfile::name).toList();
				PHASES.entrySet().stream().filter((phase) -> frames.contains(phase.getKey())).findFirst()
					.ifPresent((phase) -> byPhase.merge(phase.getValue(), 1, Integer::sum));
				String nearest = frames.stream().filter((frame) -> frame.startsWith(VANTAGE)).findFirst().orElse(null);
				if (nearest != null) {
					vantage++;
					vantageFrames.merge(nearest, 1, Integer::sum);
				}
				if (LOGBACK_CONFIGURATION.stream().anyMatch(frames::contains)) {
					logback++;
				}
			}
			return new Sampled(seconds, samples, byPhase, vantage, logback, classes, vantageFrames);
		}

		static String median(List<Sampled> runs) {
			Map<String, Integer> phases = new LinkedHashMap<>();
			PHASES.values().forEach((phase) -> phases.put(phase,
					(int) Interval.median(runs.stream().mapToDouble((run) -> run.byPhase.get(phase)).toArray())));
			return format(Interval.median(runs.stream().mapToDouble((run) -> run.seconds).toArray()),
					(int) Interval.median(runs.stream().mapToDouble((run) -> run.samples).toArray()), phases,
					(int) Interval.median(runs.stream().mapToDouble((run) -> run.withVantageFrame).toArray()),
					(int) Interval.median(runs.stream().mapToDouble((run) -> run.inLogbackConfiguration).toArray()),
					(long) Interval.median(runs.stream().mapToDouble((run) -> run.classesLoaded).toArray()));
		}

		private static String format(double seconds, int samples, Map<String, Integer> phases, int vantage, int logback,
				long classes) {
			return String.format("ready in %.2f s, %d samples %s, with a Vantage frame %d, configuring Logback %d, "
					+ "%d classes", seconds, samples, phases, vantage, logback, classes);
		}

		@Override
		public String toString() {
			return format(this.seconds, this.samples, this.byPhase, this.withVantageFrame, this.inLogbackConfiguration,
					this.classesLoaded);
		}

	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

}
