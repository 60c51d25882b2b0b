package dev.vantage.observability.compatibility.apps;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A WebFlux service whose R2DBC connection factory Boot builds from {@code spring.r2dbc.url} alone. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(R2dbcApplication.Answer.class)
public class R2dbcApplication {

	@RestController
	static class Answer {

		private final ConnectionFactory connectionFactory;

		Answer(ConnectionFactory connectionFactory) {
			this.connectionFactory = connectionFactory;
		}

		@GetMapping("/hello")
		Mono<String> hello() {
			return Mono.usingWhen(this.connectionFactory.create(),
					(Connection connection) -> Mono.from(connection.createStatement("select 42").execute())
						.flatMap((result) -> Mono.from(result.map((row, metadata) -> String.valueOf(row.get(0))))),
					Connection::close);
		}

	}

}
