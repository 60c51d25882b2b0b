package dev.vantage.observability.reactive;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A small WebFlux service that uses the starter the way a user's service does: no Vantage
 * code. Its handlers hop to other Reactor threads, as real reactive code does.
 */
@SpringBootApplication
public class ReactiveTestApplication {

	/** Everything open but /admin, which needs an admin over HTTP Basic. */
	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/admin/**").hasRole("ADMIN")
			.anyExchange()
			.permitAll()).httpBasic(Customizer.withDefaults()).csrf((csrf) -> csrf.disable()).build();
	}

	/** The shop's R2DBC database; Vantage times it with no code. */
	@Bean
	ConnectionFactory connectionFactory(
			@Value("${reactive.database.url:r2dbc:h2:mem:///${random.uuid};DB_CLOSE_DELAY=-1}") String url) {
		return ConnectionFactories.get(url);
	}

	@Bean
	MapReactiveUserDetailsService users() {
		return new MapReactiveUserDetailsService(
				User.withUsername("admin").password("{noop}admin-pass").roles("ADMIN").build(),
				User.withUsername("alice").password("{noop}alice-pass").roles("USER").build());
	}

	@RestController
	static class Endpoints {

		private static final Logger logger = LoggerFactory.getLogger(ReactiveTestApplication.class);

		private final AuditLogger audit;

		private final ConnectionFactory database;

		Endpoints(AuditLogger audit, ConnectionFactory database) {
			this.audit = audit;
			this.database = database;
		}

		/** Runs one statement and answers with the rows updated or the first column of each row. */
		@GetMapping("/sql")
		Mono<String> sql(@RequestParam String statement) {
			return Mono.usingWhen(this.database.create(),
					(Connection connection) -> Flux.from(connection.createStatement(statement).execute())
						.flatMap((result) -> result.map((row, metadata) -> String.valueOf(row.get(0))))
						.collectList()
						.map(String::valueOf),
					Connection::close);
		}

		/** What not to do: an audit write (a file write) right on the event loop. */
		@GetMapping("/audit-on-event-loop")
		String auditOnEventLoop() {
			this.audit.log(AuditEvent.builder("report.export").action("export").build());
			return Thread.currentThread().getName();
		}

		/** Logs on a parallel thread, not the one that received the request. */
		@GetMapping("/log")
		Mono<String> log(@RequestParam String text) {
			return Mono.fromCallable(() -> {
				logger.info("request says {}", text);
				return Thread.currentThread().getName();
			}).subscribeOn(Schedulers.parallel());
		}

		@GetMapping("/admin/settings")
		Mono<String> settings() {
			return Mono.just("settings");
		}

		@GetMapping("/orders/{id}")
		Mono<String> order(@PathVariable String id) {
			return "missing".equals(id) ? Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no order"))
					: Mono.just("order " + id).publishOn(Schedulers.boundedElastic());
		}

	}

}
