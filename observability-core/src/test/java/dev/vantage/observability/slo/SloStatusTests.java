package dev.vantage.observability.slo;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SloStatusTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void availabilityCountsServerErrorsOfTheDeclaredRoutesOnly() {
		request("/orders/{id}", "GET", "SUCCESS", 300, 98);
		request("/orders/{id}", "GET", "SERVER_ERROR", 300, 2);
		request("/orders/{id}", "GET", "CLIENT_ERROR", 300, 5);
		request("/actuator/health", "GET", "SERVER_ERROR", 10, 50);
		SloStatus status = SloStatus.of(ServiceLevelObjectiveTests.availability("api", 99, Duration.ofDays(28)),
				this.registry);
		assertThat(status.total()).isEqualTo(105);
		assertThat(status.good()).isEqualTo(103);
		assertThat(status.sli()).isCloseTo(103.0 / 105, within(1e-9));
		// 2 bad of 105 against a 1 % budget: 1 - (2/105) / 0.01.
		assertThat(status.errorBudgetRemaining()).isCloseTo(1 - (2.0 / 105) / 0.01, within(1e-9));
	}

	@Test
	void latencyCountsRequestsWithinTheThresholdBucket() {
		request("/api/orders", "POST", "SUCCESS", 100, 90);
		request("/api/orders", "POST", "SUCCESS", 800, 10);
		request("/api/orders", "GET", "SUCCESS", 800, 40);
		SloStatus status = SloStatus.of(ServiceLevelObjectiveTests.latency("checkout", 95, Duration.ofMillis(300)),
				this.registry);
		assertThat(status.total()).isEqualTo(100);
		assertThat(status.good()).isEqualTo(90);
		assertThat(status.errorBudgetRemaining()).isCloseTo(1 - 0.1 / 0.05, within(1e-9));
	}

	@Test
	void latencyWithoutTheBucketHasNoSli() {
		Timer.builder("http.server.requests").tags("uri", "/api/orders", "method", "POST", "outcome", "SUCCESS")
			.register(this.registry).record(Duration.ofMillis(10));
		SloStatus status = SloStatus.of(ServiceLevelObjectiveTests.latency("checkout", 95, Duration.ofMillis(300)),
				this.registry);
		assertThat(status.sli()).isNull();
		assertThat(status.errorBudgetRemaining()).isNull();
	}

	@Test
	void paymentsCountSuccessfulPayments() {
		for (String outcome : List.of("success", "success", "success", "declined")) {
			Timer.builder("business.payments").tags("provider", "stripe", "outcome", outcome).register(this.registry)
				.record(Duration.ofMillis(20));
		}
		SloStatus status = SloStatus.of(new ServiceLevelObjective("payments", SloKind.PAYMENTS, 90, Duration.ofDays(7),
				null, List.of(), List.of(), "r"), this.registry);
		assertThat(status.total()).isEqualTo(4);
		assertThat(status.good()).isEqualTo(3);
	}

	@Test
	void noEventsNoSli() {
		SloStatus status = SloStatus.of(ServiceLevelObjectiveTests.availability("api", 99, Duration.ofDays(28)),
				this.registry);
		assertThat(status.total()).isZero();
		assertThat(status.sli()).isNull();
	}

	private void request(String uri, String method, String outcome, long millis, int times) {
		Timer timer = Timer.builder("http.server.requests")
			.tags("uri", uri, "method", method, "outcome", outcome)
			.serviceLevelObjectives(Duration.ofMillis(300), Duration.ofSeconds(1))
			.register(this.registry);
		for (int i = 0; i < times; i++) {
			timer.record(Duration.ofMillis(millis));
		}
	}

}
