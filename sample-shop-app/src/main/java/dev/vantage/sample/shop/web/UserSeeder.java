package dev.vantage.sample.shop.web;

import dev.vantage.sample.shop.customers.CustomerService;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the admin, the Prometheus scrape user and one customer per shop on first start.
 * Passwords come from properties (or the environment) with local-use defaults.
 */
@Component
class UserSeeder implements ApplicationRunner {

	/** The password of the seeded customers alice (acme), bob (globex) and carol (initech). */
	static final String CUSTOMER_PASSWORD = "password";

	/** The profile under which the shop refuses to start with a default password. */
	static final String PRODUCTION = "production";

	private final CustomerService customers;

	private final PasswordEncoder passwords;

	private final JdbcClient jdbc;

	private final String adminPassword;

	private final String prometheusPassword;

	UserSeeder(CustomerService customers, PasswordEncoder passwords, JdbcClient jdbc,
			@Value("${sample.security.admin-password:admin}") String adminPassword,
			@Value("${sample.security.prometheus-password:prometheus}") String prometheusPassword,
			Environment environment) {
		if (environment.acceptsProfiles(Profiles.of(PRODUCTION))) {
			refuseDefault("sample.security.admin-password", adminPassword, "admin");
			refuseDefault("sample.security.prometheus-password", prometheusPassword, "prometheus");
		}
		this.customers = customers;
		this.passwords = passwords;
		this.jdbc = jdbc;
		this.adminPassword = adminPassword;
		this.prometheusPassword = prometheusPassword;
	}

	private static void refuseDefault(String property, String password, String defaultPassword) {
		if (password.isBlank() || password.equals(defaultPassword)) {
			throw new IllegalStateException("'" + property + "' must be set to a password of its own under the '"
					+ PRODUCTION + "' profile: the default '" + defaultPassword + "' is public");
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		seed("admin", this.adminPassword, "ROLE_ADMIN", null);
		seed("prometheus", this.prometheusPassword, "ROLE_SCRAPER", null);
		seed("alice", CUSTOMER_PASSWORD, "ROLE_CUSTOMER", "acme");
		seed("bob", CUSTOMER_PASSWORD, "ROLE_CUSTOMER", "globex");
		seed("carol", CUSTOMER_PASSWORD, "ROLE_CUSTOMER", "initech");
	}

	private void seed(String username, String password, String role, @Nullable String shop) {
		if (this.customers.exists(username)) {
			return;
		}
		this.customers.createAccount(username, this.passwords.encode(password), role);
		if (shop != null) {
			this.jdbc.sql("insert into customer (username, shop_id, created_at) values (?, ?, current_timestamp)")
				.params(username, shop)
				.update();
		}
	}

}
