package dev.vantage.observability.it;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service that uses the starter the way a user's service does: no Vantage code.
 */
@SpringBootApplication
@EnableCaching
public class TestShopApplication {

	public static void main(String[] args) {
		SpringApplication.run(TestShopApplication.class, args);
	}

	@RestController
	static class OrderController {

		private final JdbcTemplate jdbc;

		OrderController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/orders/{id}")
		Map<String, Object> order(@PathVariable long id) {
			return Map.of("id", id, "status", "placed");
		}

		/** Logs a line inside a traced request, for the JSON log fields. */
		@GetMapping("/log")
		Map<String, Object> log(@org.springframework.web.bind.annotation.RequestParam String text) {
			org.slf4j.LoggerFactory.getLogger(TestShopApplication.class).info("request says {}", text);
			return Map.of("logged", true);
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
