package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.OutsideInSuite;
import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.it.nosecurity.PlainApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The test application started on a free port with its own arguments, for tests that need a
 * fresh application (logging is configured once per start) rather than a cached context.
 */
public final class RunningApp implements OutsideInSuite.Service {

	private final ConfigurableApplicationContext context;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static RunningApp start(String... args) {
		return start(new SpringApplicationBuilder(TestShopApplication.class), args);
	}

	/** A plain service with the starter, started with Spring Security hidden from its class loader. */
	public static RunningApp startWithoutSpringSecurity(String... args) {
		return start(new SpringApplicationBuilder(PlainApplication.class)
			.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security"))), args);
	}

	private static RunningApp start(SpringApplicationBuilder application, String... args) {
		// Boot configures logging once per JVM while a context is open; a fresh start must reconfigure it.
		LoggingSystem.get(RunningApp.class.getClassLoader()).cleanUp();
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(List.of(args));
		return new RunningApp(application.run(all.toArray(String[]::new)));
	}

	@Override
	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Override
	public Http http() {
		return new Http(port());
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
