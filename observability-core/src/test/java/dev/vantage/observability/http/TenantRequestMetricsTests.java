package dev.vantage.observability.http;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.vantage.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantRequestMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final TenantRequestMetrics metrics = new TenantRequestMetrics(this.registry,
			new CardinalityGuard(100, 2000, List.of()));

	@Test
	void outcomeFollowsStatusAndExceptions() {
		this.metrics.record("acme", 200, false, 1_000_000);
		this.metrics.record("acme", 404, false, 1_000_000);
		this.metrics.record("acme", 200, true, 1_000_000);
		assertThat(timer("acme", "SUCCESS").count()).isEqualTo(1);
		assertThat(timer("acme", "CLIENT_ERROR").count()).isEqualTo(1);
		assertThat(timer("acme", "SERVER_ERROR").count()).isEqualTo(1);
		assertThat(timer("acme", "SUCCESS").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1);
	}

	@Test
	void onlyOutcomesThatHappenedAreRegistered() {
		this.metrics.record("acme", 200, false, 1);
		assertThat(this.registry.find(TenantRequestMetrics.METER).timers()).hasSize(1);
	}

	@Test
	void timerHasNoHistogramBuckets() {
		this.metrics.record("acme", 200, false, 1);
		assertThat(timer("acme", "SUCCESS").takeSnapshot().histogramCounts()).isEmpty();
	}

	private Timer timer(String tenant, String outcome) {
		return this.registry.get(TenantRequestMetrics.METER).tag("tenant", tenant).tag("outcome", outcome).timer();
	}

}
