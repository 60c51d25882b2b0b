package dev.vantage.observability.reactive;

import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.reactive.nosecurity.PlainReactiveApplication;
import dev.vantage.observability.testsupport.OutsideInSuite;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The reactive test application started on Netty on a free port, with its own arguments.
 */
final class ReactiveApp implements OutsideInSuite.Service {

	private final ConfigurableApplicationContext context;

	private ReactiveApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static ReactiveApp start(String... args) {
		return start(new SpringApplicationBuilder(ReactiveTestApplication.class), args);
	}

	/** A plain WebFlux service with the starter, started with Spring Security hidden from its class loader. */
	static ReactiveApp startWithoutSpringSecurity(String... args) {
		return start(new SpringApplicationBuilder(PlainReactiveApplication.class)
			.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security"))), args);
	}

	private static ReactiveApp start(SpringApplicationBuilder application, String... args) {
		// Boot configures logging once per JVM while a context is open; a fresh start must reconfigure it.
		LoggingSystem.get(ReactiveApp.class.getClassLoader()).cleanUp();
		VantageBlockingCalls.install();
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(List.of(args));
		return new ReactiveApp(application.web(WebApplicationType.REACTIVE).run(all.toArray(String[]::new)));
	}

	@Override
	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
