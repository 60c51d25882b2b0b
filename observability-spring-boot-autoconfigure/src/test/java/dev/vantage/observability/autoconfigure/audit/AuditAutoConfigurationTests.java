package dev.vantage.observability.autoconfigure.audit;

import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.audit.AuditSink;
import dev.vantage.observability.audit.Slf4jAuditSink;
import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.security.SecurityMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.actuate.audit.listener.AuditListener;
import org.springframework.boot.actuate.security.AuthenticationAuditListener;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

import static org.assertj.core.api.Assertions.assertThat;

class AuditAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class, AuditAutoConfiguration.class));

	@Test
	void auditLoggerWritesToTheAuditLoggerAndBridgesBootEvents() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AuditLogger.class).hasSingleBean(AuditAppenderFailureListener.class)
				.hasSingleBean(AuditApplicationEventBridge.class);
			assertThat(context.getBean(AuditSink.class)).isInstanceOf(Slf4jAuditSink.class);
			assertThat(context.getBean(MeterRegistry.class).get(AuditLogger.FAILURES_METER).counter().count())
				.isZero();
		});
	}

	@Test
	void configuredMaskedKeysAreUsed() {
		this.contextRunner.withPropertyValues("observability.audit.masked-keys=pin")
			.withUserConfiguration(RecordingSink.class)
			.run((context) -> {
				context.getBean(AuditLogger.class)
					.log(AuditEvent.builder("x").metadata("pin", "1234").metadata("password", "kept").build());
				AuditEvent written = context.getBean(RecordingSink.class).events.get(0);
				assertThat(written.metadata()).containsEntry("pin", "****").containsEntry("password", "kept");
			});
	}

	@Test
	void backsOffWithoutMicrometer() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AuditLogger.class));
	}

	@Test
	void bootBridgeBacksOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(AuditApplicationEvent.class))
			.run((context) -> assertThat(context).hasSingleBean(AuditLogger.class)
				.doesNotHaveBean(AuditApplicationEventBridge.class));
	}

	@Test
	void userSinkWins() {
		this.contextRunner.withUserConfiguration(RecordingSink.class)
			.run((context) -> assertThat(context.getBean(AuditSink.class)).isInstanceOf(RecordingSink.class));
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.audit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditLogger.class));
	}

	@Test
	void invalidRetentionFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.audit.max-history=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.audit.max-history"));
	}

	@Test
	void oneAuthenticationIsOneAuditLineWhenTheAppKeepsBootsAuditEvents() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(SecurityMetricsAutoConfiguration.class))
			.withUserConfiguration(RecordingSink.class, BootAuditEvents.class)
			.run((context) -> {
				context.publishEvent(new AuthenticationSuccessEvent(
						UsernamePasswordAuthenticationToken.authenticated("alice", "n/a", List.of())));
				assertThat(context.getBean(RecordingSink.class).events).extracting(AuditEvent::type)
					.containsExactly("authentication.success");
				assertThat(context.getBean(AuditEventRepository.class).find("alice", null, null)).hasSize(1);
			});
	}

	@Test
	void bootsAuthenticationEventsAreAuditedWhenVantageSecurityIsOff() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(SecurityMetricsAutoConfiguration.class))
			.withPropertyValues("observability.security.enabled=false")
			.withUserConfiguration(RecordingSink.class, BootAuditEvents.class)
			.run((context) -> {
				context.publishEvent(new AuthenticationSuccessEvent(
						UsernamePasswordAuthenticationToken.authenticated("alice", "n/a", List.of())));
				assertThat(context.getBean(RecordingSink.class).events).extracting(AuditEvent::type)
					.containsExactly("AUTHENTICATION_SUCCESS");
			});
	}

	/** What an application that declares its own AuditEventRepository gets from Boot. */
	@Configuration(proxyBeanMethods = false)
	static class BootAuditEvents {

		@Bean
		AuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

		@Bean
		AuditListener auditListener(AuditEventRepository repository) {
			return new AuditListener(repository);
		}

		@Bean
		AuthenticationAuditListener authenticationAuditListener() {
			return new AuthenticationAuditListener();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingSink implements AuditSink {

		final List<AuditEvent> events = new ArrayList<>();

		@Override
		public void write(AuditEvent event) {
			this.events.add(event);
		}

	}

}
