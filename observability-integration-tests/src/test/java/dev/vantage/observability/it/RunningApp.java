package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test application started on a free port with its own arguments, for tests that need a
 * fresh application (logging is configured once per start) rather than a cached context.
 */
public final class RunningApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static RunningApp start(String... args) {
		// Boot configures logging once per JVM while a context is open; a fresh start must reconfigure it.
		LoggingSystem.get(RunningApp.class.getClassLoader()).cleanUp();
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(List.of(args));
		return new RunningApp(new SpringApplicationBuilder(TestShopApplication.class).run(all.toArray(String[]::new)));
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

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
