package dev.vantage.observability.business;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.tenant.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BusinessMetricsTests {

	private static final Money EUR_20 = Money.of("19.99", "EUR");

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final BusinessMetrics metrics = new MeterBusinessMetrics(this.registry,
			new CardinalityGuard(100, 2000, List.of("business.")),
			Map.of("checkout", List.of("view", "cart", "checkout", "paid")));

	@AfterEach
	void clearTenant() {
		TenantContext.clear();
	}

	@Test
	void placedOrderCountsAndRecordsItsValue() {
		this.metrics.order("acme", OrderStatus.PLACED, EUR_20);
		this.metrics.order("acme", OrderStatus.PAID, EUR_20);
		assertThat(this.registry.get("business.orders").tags("tenant", "acme", "status", "placed").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("business.orders").tags("tenant", "acme", "status", "paid").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("business.order.value").tags("tenant", "acme", "currency", "EUR").summary()
			.totalAmount()).isEqualTo(19.99);
		assertThat(this.registry.get("business.order.value").summary().count()).isEqualTo(1);
	}

	@Test
	void revenueAndRefundsAddUpPerCurrency() {
		this.metrics.revenue("acme", EUR_20);
		this.metrics.revenue("acme", Money.of(new BigDecimal("0.01"), Currency.getInstance("EUR")));
		this.metrics.revenue("acme", Money.of("5", "USD"));
		this.metrics.refund("acme", Money.of("2.50", "EUR"));
		assertThat(this.registry.get("business.revenue").tags("currency", "EUR").counter().count()).isEqualTo(20.0);
		assertThat(this.registry.get("business.revenue").tags("currency", "USD").counter().count()).isEqualTo(5.0);
		assertThat(this.registry.get("business.refunded").tags("currency", "EUR").counter().count()).isEqualTo(2.5);
	}

	@Test
	void tenantDefaultsToTheCurrentOne() {
		try (TenantContext.Scope scope = TenantContext.open("shop-7")) {
			this.metrics.signup();
			this.metrics.order(OrderStatus.CANCELLED, EUR_20);
		}
		this.metrics.signup();
		assertThat(this.registry.get("business.signups").tag("tenant", "shop-7").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("business.signups").tag("tenant", "none").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("business.orders").tags("tenant", "shop-7", "status", "cancelled").counter()
			.count()).isEqualTo(1);
	}

	@Test
	void paymentIsRecordedDirectlyOrWithAStartedTimer() {
		this.metrics.payment("stripe", PaymentOutcome.DECLINED, Duration.ofMillis(120));
		BusinessMetrics.PaymentTimer timer = this.metrics.startPayment("stripe");
		Duration measured = timer.stop(PaymentOutcome.SUCCESS);
		assertThat(measured.isNegative()).isFalse();
		assertThat(this.registry.get("business.payments").tags("provider", "stripe", "outcome", "declined").timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("business.payments").tags("provider", "stripe", "outcome", "success").timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("business.payments").tags("outcome", "declined").timer().takeSnapshot()
			.histogramCounts()).hasSize(8);
	}

	@Test
	void declaredFunnelStepsExistFromStartAndCount() {
		assertThat(this.registry.find("business.funnel.steps").counters()).hasSize(4);
		this.metrics.funnelStep("checkout", "cart");
		assertThat(this.registry.get("business.funnel.steps").tags("funnel", "checkout", "step", "cart").counter()
			.count()).isEqualTo(1);
	}

	@Test
	void gaugesShowTheLatestValue() {
		this.metrics.lowStock("acme", 3);
		this.metrics.lowStock("acme", 2);
		this.metrics.activeTenants(12);
		assertThat(this.registry.get("business.inventory.low.stock").tag("tenant", "acme").gauge().value())
			.isEqualTo(2);
		assertThat(this.registry.get("business.tenants.active").gauge().value()).isEqualTo(12);
	}

	@Test
	void undeclaredFunnelOrStepIsRejectedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.funnelStep("signup", "view"))
			.withMessageContaining("'funnel'")
			.withMessageContaining("signup");
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.funnelStep("checkout", "shipped"))
			.withMessageContaining("'step'")
			.withMessageContaining("shipped");
	}

	@Test
	void negativeAmountIsRejectedAndNothingRecorded() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("-3.00", "EUR"))
			.withMessage("'amount' must not be negative, was -3.00");
		assertThat(this.registry.find("business.revenue").counters()).isEmpty();
	}

	@Test
	void malformedAmountOrUnknownCurrencyIsRejectedNamingTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("NaN", "EUR")).withMessageContaining("'amount'");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("Infinity", "EUR"))
			.withMessageContaining("'amount'");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "XYZ"))
			.withMessageContaining("'currency'")
			.withMessageContaining("XYZ");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "EU\r\nR"))
			.withMessageNotContaining("\n");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of((BigDecimal) null, Currency.getInstance("EUR")))
			.withMessage("'amount' must not be null");
	}

	@Test
	void nullRequiredArgumentsAreRejectedAndNothingRecorded() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.order("acme", null, EUR_20))
			.withMessage("'status' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.order("acme", OrderStatus.PLACED, null))
			.withMessage("'amount' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.metrics.payment("stripe", PaymentOutcome.SUCCESS, Duration.ofMillis(-1)))
			.withMessageContaining("'duration'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.lowStock("acme", -1))
			.withMessageContaining("'products'");
		assertThat(this.registry.find("business.orders").counters()).isEmpty();
		assertThat(this.registry.find("business.payments").timers()).isEmpty();
	}

	@Test
	void hostileTenantValuesAreSanitizedAndBounded() {
		// Seen more often than the flood's values, so that no odd estimate of the sketch lets one
		// of them take its place.
		for (int i = 0; i < 5; i++) {
			this.metrics.signup("  shop\r\n\"level\":\"ERROR\"  ");
		}
		for (int i = 0; i < 10_000; i++) {
			this.metrics.signup("tenant-" + i);
		}
		assertThat(this.registry.find("business.signups").counters()).hasSize(101);
		assertThat(this.registry.find("business.signups").tag("tenant", "shop\"level\":\"ERROR\"").counter())
			.isNotNull();
		// Values seen once never take another's place (but for the odd estimate of the sketch).
		assertThat(this.registry.get("business.signups").tag("tenant", "other").counter().count())
			.isGreaterThan(9_800);
	}

}
