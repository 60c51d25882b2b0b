package dev.vantage.observability.autoconfigure.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

/**
 * What Vantage wired into this application and why, read from Boot's own condition
 * evaluation report (the one {@code --debug} prints), and the versions a bug report needs.
 * Each concern is one auto-configuration package: on, off by a property, skipped because a
 * class or bean is missing, or excluded by the application.
 */
public final class VantageReport {

	private static final String PACKAGE = "dev.vantage.observability.autoconfigure.";

	/** The package of what every concern shares, which is no concern itself. */
	private static final String SUPPORT = "support.";

	/** The conditions a property decides; Boot's own are package-private, so they are known by name. */
	private static final Set<String> PROPERTY_CONDITIONS = Set.of("OnObservabilityEnabledCondition",
			"OnPropertyCondition");

	/** What a concern's state is. */
	public enum State {

		/** Wired. */
		ON,
		/** Switched off by a property. */
		OFF,
		/** Not wired because a class, bean or web stack it needs is missing. */
		SKIPPED,
		/** Excluded by the application ({@code spring.autoconfigure.exclude}). */
		EXCLUDED

	}

	/**
	 * One concern and why it is in its state.
	 * @param name the concern, as in its properties ({@code http}, {@code db}, ...)
	 * @param state its state
	 * @param reason the condition that decided, when not on
	 */
	public record Concern(String name, State state, @Nullable String reason) {
	}

	private final ConfigurableListableBeanFactory beanFactory;

	VantageReport(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/** Every concern of Vantage that Boot considered, in the order Boot configures them. */
	public List<Concern> concerns() {
		ConditionEvaluationReport report = ConditionEvaluationReport.get(this.beanFactory);
		Map<String, ConditionAndOutcomes> outcomes = report.getConditionAndOutcomesBySource();
		List<Concern> concerns = new ArrayList<>();
		for (String candidate : ImportCandidates.load(AutoConfiguration.class, this.beanFactory.getBeanClassLoader())) {
			String concern = concernOf(candidate);
			if (concern == null) {
				continue;
			}
			if (report.getExclusions().contains(candidate)) {
				concerns.add(new Concern(concern, State.EXCLUDED, "spring.autoconfigure.exclude"));
				continue;
			}
			// Boot registers an auto-configuration that applies under its class name.
			if (this.beanFactory.containsBeanDefinition(candidate)) {
				concerns.add(new Concern(concern, State.ON, null));
				continue;
			}
			ConditionAndOutcomes conditions = outcomes.get(candidate);
			ConditionAndOutcome failed = (conditions != null) ? firstFailure(conditions) : null;
			if (failed != null) {
				boolean byProperty = PROPERTY_CONDITIONS.contains(failed.getCondition().getClass().getSimpleName());
				concerns.add(new Concern(concern, byProperty ? State.OFF : State.SKIPPED,
						failed.getOutcome().getMessage()));
			}
		}
		return concerns;
	}

	/** Vantage's version and those of what it builds on; {@code absent} for what is not on the classpath. */
	public Map<String, String> versions() {
		Map<String, String> versions = new LinkedHashMap<>();
		versions.put("vantage", vantageVersion());
		versions.put("spring-boot", String.valueOf(SpringBootVersion.getVersion()));
		versions.put("micrometer", versionOf("io.micrometer.core.instrument.MeterRegistry"));
		versions.put("micrometer-tracing", versionOf("io.micrometer.tracing.Tracer"));
		versions.put("opentelemetry", versionOf("io.opentelemetry.api.OpenTelemetry"));
		versions.put("java", Runtime.version().toString());
		return versions;
	}

	/** The one INFO line logged once the application is ready. */
	String summary() {
		Map<State, List<Concern>> byState = new LinkedHashMap<>();
		for (Concern concern : concerns()) {
			byState.computeIfAbsent(concern.state(), (state) -> new ArrayList<>()).add(concern);
		}
		Map<String, String> versions = versions();
		StringBuilder summary = new StringBuilder("Vantage ").append(versions.get("vantage"))
			.append(" on Spring Boot ")
			.append(versions.get("spring-boot"))
			.append(": ");
		summary.append(byState.entrySet()
			.stream()
			.map((entry) -> entry.getKey().name().toLowerCase() + " " + entry.getValue()
				.stream()
				.map((concern) -> (concern.reason() != null && entry.getKey() != State.EXCLUDED)
						? concern.name() + " (" + concern.reason() + ")" : concern.name())
				.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("; ")));
		return summary.append(". Details: the 'vantage' actuator endpoint.").toString();
	}

	/** The concern of a Vantage auto-configuration: its package; none for Vantage's shared infrastructure. */
	private static @Nullable String concernOf(String autoConfiguration) {
		if (!autoConfiguration.startsWith(PACKAGE)) {
			return null;
		}
		String rest = autoConfiguration.substring(PACKAGE.length());
		int dot = rest.indexOf('.');
		return (dot > 0 && !rest.startsWith(SUPPORT)) ? rest.substring(0, dot) : null;
	}

	private static @Nullable ConditionAndOutcome firstFailure(ConditionAndOutcomes conditions) {
		for (ConditionAndOutcome condition : conditions) {
			if (!condition.getOutcome().isMatch()) {
				return condition;
			}
		}
		return null;
	}

	private String versionOf(String className) {
		ClassLoader classLoader = this.beanFactory.getBeanClassLoader();
		if (!ClassUtils.isPresent(className, classLoader)) {
			return "absent";
		}
		String version = ClassUtils.resolveClassName(className, classLoader).getPackage().getImplementationVersion();
		return (version != null) ? version : "unknown";
	}

	private static String vantageVersion() {
		ClassPathResource resource = new ClassPathResource("version.properties", VantageReport.class);
		try (InputStream in = resource.getInputStream()) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
