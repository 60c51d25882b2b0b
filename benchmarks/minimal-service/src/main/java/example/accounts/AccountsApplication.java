package example.accounts;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A small accounts service, written as a new user writes one: a cached catalog of plans, an
 * account read from the database, and deposits (a database write) for tellers over HTTP Basic.
 * It has no code of Vantage's; the benchmark builds it with and without the starter.
 */
@SpringBootApplication
@EnableCaching
public class AccountsApplication {

	public static void main(String[] args) {
		SpringApplication.run(AccountsApplication.class, args);
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/accounts/**")
			.hasRole("TELLER")
			.anyRequest()
			.permitAll()).httpBasic(Customizer.withDefaults()).csrf(AbstractHttpConfigurer::disable).build();
	}

	/**
	 * A plain password, and a plain user lookup: a BCrypt check per request would be most of
	 * the CPU a deposit costs, and an InMemoryUserDetailsManager as the bean would upgrade the
	 * password to BCrypt on the first login.
	 */
	@Bean
	UserDetailsService users() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
				User.withUsername("teller").password("{noop}teller-pass").roles("TELLER").build());
		return users::loadUserByUsername;
	}

	/** A plan of the catalog. */
	public record Plan(int id, String name, int monthlyFee) {
	}

	/** An account and its balance. */
	public record Account(int id, String owner, long balance) {
	}

	/** A deposit's amount. */
	public record Deposit(long amount) {
	}

	@Service
	public static class Plans {

		private final JdbcClient jdbc;

		Plans(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Cacheable("plans")
		public List<Plan> all() {
			return this.jdbc.sql("select id, name, monthly_fee from plan order by id").query(Plan.class).list();
		}

	}

	@Service
	public static class Accounts {

		private final JdbcClient jdbc;

		Accounts(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		public Account find(int id) {
			return this.jdbc.sql("select id, owner, balance from account where id = ?")
				.param(id)
				.query(Account.class)
				.optional()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + id));
		}

		@Transactional
		public Account deposit(int id, long amount) {
			if (amount <= 0) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "amount must be positive");
			}
			int updated = this.jdbc.sql("update account set balance = balance + ? where id = ?")
				.params(amount, id)
				.update();
			if (updated == 0) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + id);
			}
			this.jdbc.sql("insert into ledger (account_id, amount) values (?, ?)").params(id, amount).update();
			return find(id);
		}

	}

	@RestController
	static class Api {

		private final Plans plans;

		private final Accounts accounts;

		Api(Plans plans, Accounts accounts) {
			this.plans = plans;
			this.accounts = accounts;
		}

		@GetMapping("/plans")
		List<Plan> plans() {
			return this.plans.all();
		}

		@GetMapping("/accounts/{id}")
		Account account(@PathVariable int id) {
			return this.accounts.find(id);
		}

		@PostMapping("/accounts/{id}/deposits")
		Account deposit(@PathVariable int id, @RequestBody Deposit deposit) {
			return this.accounts.deposit(id, deposit.amount());
		}

		@GetMapping("/")
		Map<String, String> index() {
			return Map.of("service", "accounts");
		}

	}

}
