package dev.vantage.observability.compatibility.apps;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring MVC with method security and a filter chain of its own that permits forwards and
 * error dispatches by dispatcher type, as many applications write it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity(securedEnabled = true)
@Import({ MethodSecurityWebApplication.Hello.class, MethodSecurityWebApplication.AdminService.class })
public class MethodSecurityWebApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
			.requestMatchers(EndpointRequest.to("health")).permitAll()
			.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}password").roles("USER").build());
	}

	@Service
	public static class AdminService {

		@Secured("ROLE_ADMIN")
		public String settings() {
			return "settings";
		}

	}

	@RestController
	static class Hello {

		private final AdminService admin;

		Hello(AdminService admin) {
			this.admin = admin;
		}

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/admin")
		String admin() {
			return this.admin.settings();
		}

	}

}
