package dev.vantage.sample.shop.web;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The recommended actuator set-up: health (with liveness and readiness) open to probes,
 * prometheus for the scrape user, every other actuator endpoint for admins. The shop API is
 * open for browsing, needs a customer login for orders and an admin for /api/admin.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/prometheus").hasAnyRole("SCRAPER", "ADMIN")
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.requestMatchers("/api/admin/**").hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/orders", "/api/orders/**").hasRole("CUSTOMER")
				.requestMatchers("/api/me").authenticated()
				.anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// A stateless JSON API authenticated on every request: no session, no CSRF token.
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	JdbcUserDetailsManager users(DataSource dataSource) {
		return new JdbcUserDetailsManager(dataSource);
	}

	/** BCrypt with a low cost: the demo authenticates every API call, on two cores. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
	}

}
