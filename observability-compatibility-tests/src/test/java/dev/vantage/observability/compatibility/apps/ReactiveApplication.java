package dev.vantage.observability.compatibility.apps;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The WebFlux twin of {@link ServletApplication}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ReactiveApplication.Hello.class)
public class ReactiveApplication {

	@RestController
	static class Hello {

		@GetMapping("/hello")
		Mono<String> hello() {
			return Mono.just("hello");
		}

	}

}
