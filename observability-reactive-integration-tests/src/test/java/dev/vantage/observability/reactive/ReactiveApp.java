package dev.vantage.observability.reactive;

import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.testsupport.Http;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reactive test application started on Netty on a free port, with its own arguments.
 */
final class ReactiveApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ReactiveApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static ReactiveApp start(String... args) {
		// Boot configures logging once per JVM while a context is open; a fresh start must reconfigure it.
		LoggingSystem.get(ReactiveApp.class.getClassLoader()).cleanUp();
		VantageBlockingCalls.install();
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=reactive-shop",
				"--management.tracing.sampling.probability=1.0"));
		all.addAll(List.of(args));
		return new ReactiveApp(new SpringApplicationBuilder(ReactiveTestApplication.class)
			.web(WebApplicationType.REACTIVE)
			.run(all.toArray(String[]::new)));
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	Http http() {
		return new Http(port());
	}

	@Override
	public void close() {
		this.context.close();
	}

}
