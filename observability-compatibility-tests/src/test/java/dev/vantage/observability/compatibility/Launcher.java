package dev.vantage.observability.compatibility;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Runs inside an {@link IsolatedApplication}'s class loader: starts the application as
 * {@code SpringApplication.run} does and answers with JDK types only.
 */
public final class Launcher {

	private Launcher() {
	}

	/**
	 * Starts an application.
	 * @param application the class name of its configuration
	 * @param args its arguments
	 * @return its ports, bean names, a scrape, its scenario and how to close it
	 * @throws ClassNotFoundException if the class is not on the case's class path
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> start(String application, String[] args) throws ClassNotFoundException {
		disableTomcatsJvmWideUrlHandlers();
		SpringApplication spring = new SpringApplication(
				Class.forName(application, true, Thread.currentThread().getContextClassLoader()));
		// Many applications start in one JVM here; none may outlive its test.
		spring.setRegisterShutdownHook(false);
		ConfigurableApplicationContext context = spring.run(args);
		Environment environment = context.getEnvironment();
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("port", environment.getProperty("local.server.port", Integer.class));
		answers.put("managementPort", environment.getProperty("local.management.port", Integer.class));
		Set<String> beanNames = new TreeSet<>(Set.of(context.getBeanDefinitionNames()));
		answers.put("beanNames", beanNames);
		Supplier<String> scrape = () -> context.getBeanProvider(PrometheusMeterRegistry.class)
			.stream()
			.map(PrometheusMeterRegistry::scrape)
			.findFirst()
			.orElse("");
		answers.put("scrape", scrape);
		if (context.containsBean("scenario")) {
			answers.put("scenario", context.getBean("scenario", Supplier.class));
		}
		answers.put("close", (Runnable) context::close);
		return answers;
	}

	/**
	 * Tomcat installs its URL stream handler factory once per JVM, where many Tomcats start here,
	 * one per class loader; without it, each serves the same.
	 */
	private static void disableTomcatsJvmWideUrlHandlers() {
		try {
			Class.forName("org.apache.catalina.webresources.TomcatURLStreamHandlerFactory", true,
					Thread.currentThread().getContextClassLoader())
				.getMethod("disable")
				.invoke(null);
		}
		catch (ClassNotFoundException ex) {
			// Not a Tomcat case.
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
