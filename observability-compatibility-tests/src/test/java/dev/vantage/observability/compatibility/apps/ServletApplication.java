package dev.vantage.observability.compatibility.apps;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC service with Actuator: what most cases vary by configuration and class path
 * (server, logging system, tracer, Spring Security with Boot's defaults or none at all).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ServletApplication.Hello.class)
public class ServletApplication {

	@RestController
	static class Hello {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
