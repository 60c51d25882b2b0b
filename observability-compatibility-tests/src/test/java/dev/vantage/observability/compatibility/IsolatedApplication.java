package dev.vantage.observability.compatibility;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.vantage.observability.testsupport.Http;
import org.jspecify.annotations.Nullable;

/**
 * An application case started as a user would run it, in a class loader of its own whose
 * class path is this module's test class path less the libraries the case does not use and,
 * for the run without Vantage, less Vantage's artifacts. Only JDK types cross between the
 * test and the application ({@link Launcher} answers with a map of them).
 */
final class IsolatedApplication implements AutoCloseable {

	/** What the starter adds to an application that has Actuator and the Prometheus registry already. */
	static final Set<String> VANTAGE = Set.of("observability-core", "observability-spring-boot-autoconfigure",
			"logstash-logback-encoder", "r2dbc-proxy", "micrometer-tracing-bridge-otel",
			"spring-boot-micrometer-tracing-opentelemetry", "spring-boot-opentelemetry", "opentelemetry-*");

	private final Map<String, Object> answers;

	private final URLClassLoader classLoader;

	private IsolatedApplication(Map<String, Object> answers, URLClassLoader classLoader) {
		this.answers = answers;
		this.classLoader = classLoader;
	}

	/**
	 * Starts a case's application.
	 * @param application the class name of its {@code @SpringBootConfiguration}
	 * @param withVantage whether Vantage is on its class path
	 * @param leftOut artifact ids (jar name prefixes) the case does not use
	 * @param args the application's arguments
	 * @return the running application
	 */
	static IsolatedApplication start(String application, boolean withVantage, Set<String> leftOut, String... args) {
		Set<String> excluded = new LinkedHashSet<>(leftOut);
		if (!withVantage) {
			excluded.addAll(VANTAGE);
		}
		URLClassLoader classLoader = new URLClassLoader("case-" + (withVantage ? "with" : "without") + "-vantage",
				classPath(excluded), ClassLoader.getPlatformClassLoader());
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(classLoader);
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> answers = (Map<String, Object>) classLoader.loadClass(Launcher.class.getName())
				.getMethod("start", String.class, String[].class)
				.invoke(null, application, args);
			return new IsolatedApplication(answers, classLoader);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException((withVantage ? "With" : "Without") + " Vantage, " + application
					+ " did not start: " + ex.getTargetException(), ex.getTargetException());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static URL[] classPath(Set<String> excluded) {
		String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<URL> urls = new ArrayList<>();
		for (String entry : testClassPath.split(File.pathSeparator)) {
			if (!entry.isBlank() && !isExcluded(Path.of(entry), excluded)) {
				try {
					urls.add(Path.of(entry).toUri().toURL());
				}
				catch (MalformedURLException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return urls.toArray(URL[]::new);
	}

	/**
	 * Whether a class path entry is one of the artifacts: a jar {@code artifact-1.2.3.jar}, or a
	 * reactor module's {@code artifact/target/classes}; {@code prefix-*} names every artifact
	 * whose id starts so.
	 */
	static boolean isExcluded(Path entry, Set<String> excluded) {
		Path fileName = entry.getFileName();
		if (fileName == null) {
			return false;
		}
		if (entry.endsWith(Path.of("target", "classes"))) {
			Path module = entry.getParent().getParent();
			return module != null && excluded.contains(module.getFileName().toString());
		}
		String name = fileName.toString();
		for (String artifact : excluded) {
			if (artifact.endsWith("*") ? name.startsWith(artifact.substring(0, artifact.length() - 1))
					: name.startsWith(artifact + "-") && name.length() > artifact.length() + 1
							&& Character.isDigit(name.charAt(artifact.length() + 1))) {
				return true;
			}
		}
		return false;
	}

	/** The HTTP port of the application server, or empty for an application without one. */
	@Nullable Integer port() {
		return (Integer) this.answers.get("port");
	}

	/** The port the actuator answers on: the management server's own where it has one. */
	int managementPort() {
		Integer management = (Integer) this.answers.get("managementPort");
		Integer port = port();
		if (management != null) {
			return management;
		}
		if (port == null) {
			throw new IllegalStateException("no web server");
		}
		return port;
	}

	Http http() {
		Integer port = port();
		if (port == null) {
			throw new IllegalStateException("no web server");
		}
		return new Http(port);
	}

	Http management() {
		return new Http(managementPort());
	}

	@SuppressWarnings("unchecked")
	Set<String> beanNames() {
		return (Set<String>) this.answers.get("beanNames");
	}

	/** What the Prometheus registry holds now, in the Prometheus text format. */
	@SuppressWarnings("unchecked")
	String scrape() {
		return ((Supplier<String>) this.answers.get("scrape")).get();
	}

	/** Runs the case's {@code scenario} bean (a {@code Supplier<String>}) in the application. */
	@SuppressWarnings("unchecked")
	String scenario() {
		Supplier<String> scenario = (Supplier<String>) this.answers.get("scenario");
		if (scenario == null) {
			throw new IllegalStateException("the case has no scenario bean");
		}
		return scenario.get();
	}

	@Override
	public void close() throws Exception {
		((Runnable) this.answers.get("close")).run();
		this.classLoader.close();
	}

}
