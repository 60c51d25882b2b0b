package dev.vantage.observability.autoconfigure;

import java.time.Duration;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.autoconfigure.audit.AuditAutoConfiguration;
import dev.vantage.observability.autoconfigure.business.BusinessMetricsAutoConfiguration;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.security.SecurityMetricsAutoConfiguration;
import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.business.Money;
import dev.vantage.observability.business.OrderStatus;
import dev.vantage.observability.business.PaymentOutcome;
import dev.vantage.observability.security.AuthenticationFailureReason;
import dev.vantage.observability.security.SecurityMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(OutputCaptureExtension.class)
class InertDomainBeansAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class,
				BusinessMetricsAutoConfiguration.class, AuditAutoConfiguration.class,
				SecurityMetricsAutoConfiguration.class, InertDomainBeansAutoConfiguration.class))
		.withPropertyValues("observability.business.funnels.checkout=view,paid");

	@Test
	void switchedOffVantageStillGivesDomainCodeItsBeansWhichRecordNothing() {
		this.contextRunner.withPropertyValues("observability.enabled=false").run((context) -> {
			BusinessMetrics business = context.getBean(BusinessMetrics.class);
			business.order("acme", OrderStatus.PAID, Money.of("10.00", "EUR"));
			business.payment("stripe", PaymentOutcome.SUCCESS, Duration.ofMillis(5));
			business.funnelStep("checkout", "paid");
			context.getBean(SecurityMetrics.class).authenticationFailed(AuthenticationFailureReason.BAD_CREDENTIALS);
			context.getBean(AuditLogger.class).log(AuditEvent.builder("order.paid").build());
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("business.orders").meters()).isEmpty();
			assertThat(registry.find("business.payments").meters()).isEmpty();
			assertThat(registry.find("security.authentication").meters()).isEmpty();
			assertThat(registry.find("audit.events").meters()).isEmpty();
		});
	}

	@Test
	void discardedAuditEventsAreAnnouncedOnceNamingTheProperty(CapturedOutput output) {
		this.contextRunner.withPropertyValues("observability.audit.enabled=false").run((context) -> {
			context.getBean(AuditLogger.class).log(AuditEvent.builder("order.paid").build());
			context.getBean(AuditLogger.class).log(AuditEvent.builder("order.paid").build());
			assertThat(output).containsOnlyOnce("Audit events are discarded")
				.contains("observability.audit.enabled is false");
		});
	}

	@Test
	void switchedOffBeansCheckArgumentsAsTheRealOnesDo() {
		this.contextRunner.withPropertyValues("observability.enabled=false").run((context) -> {
			BusinessMetrics business = context.getBean(BusinessMetrics.class);
			assertThatIllegalArgumentException().isThrownBy(() -> business.funnelStep("checkout", "teleport"))
				.withMessageContaining("step");
			assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(AuditLogger.class).log(null))
				.withMessageContaining("'event'");
		});
	}

	@Test
	void oneConcernSwitchedOffLeavesTheOthersRecording() {
		this.contextRunner.withPropertyValues("observability.business.enabled=false").run((context) -> {
			context.getBean(BusinessMetrics.class).signup("acme");
			context.getBean(SecurityMetrics.class).authenticationSucceeded();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("business.signups").meters()).isEmpty();
			assertThat(registry.get("security.authentication").tag("outcome", "success").counter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void realBeansAreNotReplaced() {
		this.contextRunner.run((context) -> {
			context.getBean(BusinessMetrics.class).signup("acme");
			assertThat(context.getBean(MeterRegistry.class).get("business.signups").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void withoutAMeterRegistryDomainCodeStillStarts() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CardinalityAutoConfiguration.class,
					BusinessMetricsAutoConfiguration.class, InertDomainBeansAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(BusinessMetrics.class));
	}

}
