package dev.vantage.observability.it;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service that uses the starter the way a user's service does: no Vantage code.
 */
@SpringBootApplication
@EnableCaching
@org.springframework.scheduling.annotation.EnableAsync
public class TestShopApplication {

	public static void main(String[] args) {
		SpringApplication.run(TestShopApplication.class, args);
	}

	/** Everything open but /admin, which needs an admin over HTTP Basic. */
	@org.springframework.context.annotation.Bean
	org.springframework.security.web.SecurityFilterChain securityFilterChain(
			org.springframework.security.config.annotation.web.builders.HttpSecurity http) {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin/**").hasRole("ADMIN")
				.anyRequest()
				.permitAll())
			.httpBasic(org.springframework.security.config.Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@org.springframework.context.annotation.Bean
	org.springframework.security.core.userdetails.UserDetailsService users() {
		return new org.springframework.security.provisioning.InMemoryUserDetailsManager(
				org.springframework.security.core.userdetails.User.withUsername("admin")
					.password("{noop}admin-pass")
					.roles("ADMIN")
					.build(),
				org.springframework.security.core.userdetails.User.withUsername("alice")
					.password("{noop}alice-pass")
					.roles("USER")
					.build());
	}

	/** Work handed to another thread, as domain code does with @Async. */
	@org.springframework.stereotype.Service
	static class BackgroundWork {

		@org.springframework.scheduling.annotation.Async
		public java.util.concurrent.CompletableFuture<Map<String, String>> contextSeenByAnotherThread() {
			Map<String, String> seen = new java.util.HashMap<>();
			seen.put("thread", Thread.currentThread().getName());
			seen.put("traceId", String.valueOf(org.slf4j.MDC.get("traceId")));
			seen.put("tenant", dev.vantage.observability.tenant.TenantContext.current());
			return java.util.concurrent.CompletableFuture.completedFuture(seen);
		}

	}

	@RestController
	static class OrderController {

		private final JdbcTemplate jdbc;

		private final BackgroundWork background;

		OrderController(JdbcTemplate jdbc, BackgroundWork background) {
			this.jdbc = jdbc;
			this.background = background;
		}

		@GetMapping("/async")
		Map<String, String> async() throws Exception {
			return this.background.contextSeenByAnotherThread().get();
		}

		@GetMapping("/orders/{id}")
		Map<String, Object> order(@PathVariable String id) {
			if ("missing".equals(id)) {
				throw new org.springframework.web.server.ResponseStatusException(
						org.springframework.http.HttpStatus.NOT_FOUND, "no order");
			}
			return Map.of("id", id, "status", "placed");
		}

		/** Logs a line inside a traced request and answers with the logging thread's name. */
		@GetMapping("/log")
		String log(@RequestParam String text) {
			org.slf4j.LoggerFactory.getLogger(TestShopApplication.class).info("request says {}", text);
			return Thread.currentThread().getName();
		}

		/** Runs one statement and answers with the first column of each row it returns. */
		@GetMapping("/sql")
		String sql(@RequestParam String statement) {
			if (statement.regionMatches(true, 0, "select", 0, 6)) {
				return String.valueOf(this.jdbc.query(statement, (row, number) -> row.getString(1)));
			}
			this.jdbc.update(statement);
			return "[]";
		}

		@GetMapping("/admin/settings")
		Map<String, Object> adminSettings() {
			return Map.of("admin", true);
		}

		@GetMapping("/traced")
		Map<String, Object> traced() {
			return Map.of("traced", true);
		}

		@GetMapping("/boom")
		Map<String, Object> boom() {
			throw new IllegalStateException("boom");
		}

		/** A slow statement inside a traced request, for the slow-query log. */
		@GetMapping("/db/sleep")
		Map<String, Object> sleep() {
			this.jdbc.queryForList("select pg_sleep(0.3), 'secret-literal' as label, 42 as answer");
			return Map.of("slept", true);
		}

	}

}
