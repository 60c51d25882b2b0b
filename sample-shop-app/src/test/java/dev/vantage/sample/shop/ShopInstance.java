package dev.vantage.sample.shop;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more instance of the shop beside a test's own, with its own in-memory database and audit
 * log, under generated traffic: the second instance of a scaled-out service.
 */
final class ShopInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	/**
	 * Starts an instance.
	 * @param test the test's name, which keeps its database and audit log apart
	 * @param instance the instance's number
	 * @param arguments more arguments (chaos settings, say)
	 */
	ShopInstance(String test, int instance, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:" + test + "-" + instance + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"--sample.traffic.enabled=true", "--sample.traffic.rate=10",
				"--observability.audit.file=target/" + test + "-test/" + instance + "/audit.json",
				"--spring.jmx.enabled=false"));
		all.addAll(List.of(arguments));
		this.context = new SpringApplicationBuilder(ShopApplication.class).run(all.toArray(String[]::new));
	}

	int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	@Override
	public void close() {
		this.context.close();
	}

}
