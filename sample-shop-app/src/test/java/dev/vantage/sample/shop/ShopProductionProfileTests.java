package dev.vantage.sample.shop;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Under the {@code production} profile the shop refuses to start with a default password, naming
 * the property; with passwords of its own it starts.
 */
class ShopProductionProfileTests {

	private static ConfigurableApplicationContext start(String... arguments) {
		String[] all = new String[arguments.length + 4];
		all[0] = "--server.port=0";
		all[1] = "--spring.profiles.active=production";
		all[2] = "--spring.datasource.url=jdbc:h2:mem:production-profile-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		all[3] = "--observability.audit.file=target/production-profile-test/audit.json";
		System.arraycopy(arguments, 0, all, 4, arguments.length);
		return new SpringApplicationBuilder(ShopApplication.class).run(all);
	}

	@Test
	void defaultAdminPasswordStopsStartupNamingTheProperty() {
		assertThatException().isThrownBy(() -> start("--sample.security.prometheus-password=scrape-0b7e"))
			.havingRootCause()
			.withMessageContaining("'sample.security.admin-password' must be set")
			.withMessageContaining("'production' profile");
	}

	@Test
	void defaultScrapePasswordStopsStartupNamingTheProperty() {
		assertThatException().isThrownBy(() -> start("--sample.security.admin-password=admin-9f3c"))
			.havingRootCause()
			.withMessageContaining("'sample.security.prometheus-password' must be set");
	}

	@Test
	void passwordsOfItsOwnStart() {
		try (ConfigurableApplicationContext context = start("--sample.security.admin-password=admin-9f3c",
				"--sample.security.prometheus-password=scrape-0b7e")) {
			assertThat(context.isRunning()).isTrue();
		}
	}

}
