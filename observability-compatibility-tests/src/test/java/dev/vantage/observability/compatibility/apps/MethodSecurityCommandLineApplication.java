package dev.vantage.observability.compatibility.apps;

import java.util.function.Supplier;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * An application without a web server that secures its methods: its scenario calls a method
 * the current user may not call and answers with what the caller caught.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity(securedEnabled = true)
@Import(MethodSecurityCommandLineApplication.Reports.class)
public class MethodSecurityCommandLineApplication {

	@Bean
	Supplier<String> scenario(Reports reports) {
		return () -> {
			SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("alice", "n/a", "ROLE_USER"));
			try {
				return reports.payroll();
			}
			catch (RuntimeException ex) {
				return ex.getClass().getName();
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		};
	}

	@Service
	public static class Reports {

		@Secured("ROLE_ADMIN")
		public String payroll() {
			return "payroll";
		}

	}

}
