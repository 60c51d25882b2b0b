package dev.vantage.observability.business;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NoopBusinessMetricsTests {

	private final BusinessMetrics metrics = BusinessMetrics.noop(Map.of("checkout", List.of("view", "paid")));

	@Test
	void acceptsWhatTheRecordingOneAccepts() {
		this.metrics.order("acme", OrderStatus.PLACED, Money.of("10.00", "EUR"));
		this.metrics.revenue("acme", Money.of("10.00", "EUR"));
		this.metrics.refund("acme", Money.of("1.00", "EUR"));
		this.metrics.payment("stripe", PaymentOutcome.SUCCESS, Duration.ofMillis(3));
		this.metrics.signup("acme");
		this.metrics.funnelStep("checkout", "paid");
		this.metrics.lowStock("acme", 2);
		this.metrics.activeTenants(3);
		assertThat(this.metrics.startPayment("stripe").stop(PaymentOutcome.DECLINED).isNegative()).isFalse();
	}

	@Test
	void refusesWhatTheRecordingOneRefusesWithTheSameMessages() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.order("acme", null, Money.of("1", "EUR")))
			.withMessage("'status' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.metrics.payment("stripe", PaymentOutcome.SUCCESS, Duration.ofMillis(-1)))
			.withMessageContaining("'duration' must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.funnelStep("checkout", "cart"))
			.withMessageContaining("'step' must be a step of funnel 'checkout'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.funnelStep("signup", "view"))
			.withMessageContaining("'funnel' must be a declared funnel");
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.lowStock("acme", -2))
			.withMessageContaining("'products' must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.startPayment("stripe").stop(null))
			.withMessage("'outcome' must not be null");
	}

}
