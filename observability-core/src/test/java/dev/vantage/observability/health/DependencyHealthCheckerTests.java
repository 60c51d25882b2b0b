package dev.vantage.observability.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vantage.observability.support.ObservabilityExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DependencyHealthCheckerTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final CountDownLatch never = new CountDownLatch(1);

	private final ObservabilityExecutor executor = new ObservabilityExecutor("health-test");

	@AfterEach
	void close() {
		this.never.countDown();
		this.executor.close();
	}

	private DependencyHealthChecker checker(Duration timeout, Duration ttl, DependencyCheck... checks) {
		return new DependencyHealthChecker(List.of(checks), timeout, ttl, this.registry, Clock.systemUTC(),
				this.executor);
	}

	private DependencyCheck check(String name, AtomicInteger probes, ThrowingRunnable probe) {
		return new AbstractDependencyCheck(name, false) {

			@Override
			public void probe() throws Exception {
				probes.incrementAndGet();
				probe.run();
			}

		};
	}

	private DependencyCheck hanging(String name, AtomicInteger probes) {
		return check(name, probes, () -> this.never.await(30, TimeUnit.SECONDS));
	}

	@Test
	void upAndDownCarryLatencyAndAMessageOnlyError() {
		DependencyHealthChecker checker = checker(Duration.ofSeconds(1), Duration.ZERO,
				check("db", new AtomicInteger(), () -> {
				}), check("payments", new AtomicInteger(), () -> {
					throw new IllegalStateException("refused: jdbc:postgresql://db?user=app&password=hunter2\nat line");
				}));
		Map<String, DependencyStatus> statuses = checker.statuses();
		assertThat(statuses.get("db").up()).isTrue();
		assertThat(statuses.get("db").allDetails()).containsKey("latencyMs").doesNotContainKey("error");
		DependencyStatus down = statuses.get("payments");
		assertThat(down.up()).isFalse();
		assertThat(down.error()).contains("refused").contains("password=****").doesNotContain("hunter2", "\n");
		assertThat(this.registry.get(DependencyHealthChecker.UP_METER).tag("dependency", "db").gauge().value())
			.isEqualTo(1);
		assertThat(this.registry.get(DependencyHealthChecker.UP_METER).tag("dependency", "payments").gauge().value())
			.isZero();
		assertThat(this.registry.get(DependencyHealthChecker.CHECK_METER).tags("dependency", "payments", "outcome",
				"down").timer().count()).isEqualTo(1);
	}

	@Test
	void twoHangingDependenciesCostOneTimeout() {
		DependencyHealthChecker checker = checker(Duration.ofMillis(300), Duration.ofSeconds(5),
				hanging("a", new AtomicInteger()), hanging("b", new AtomicInteger()));
		long start = System.nanoTime();
		DependencyStatus a = checker.status("a");
		DependencyStatus b = checker.status("b");
		long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(elapsedMs).isLessThan(300 + 250);
		assertThat(a.timedOut()).isTrue();
		assertThat(b.error()).isEqualTo("timed out after 300 ms");
		assertThat(this.registry.get(DependencyHealthChecker.CHECK_METER).tags("dependency", "a", "outcome", "timeout")
			.timer().count()).isEqualTo(1);
	}

	@Test
	void hangingDependencyIsProbedOnceHoweverOftenHealthIsAsked() {
		AtomicInteger probes = new AtomicInteger();
		DependencyHealthChecker checker = checker(Duration.ofMillis(50), Duration.ZERO, hanging("slow", probes));
		int threadsBefore = Thread.activeCount();
		for (int i = 0; i < 1000; i++) {
			assertThat(checker.status("slow").up()).isFalse();
		}
		assertThat(probes).hasValue(1);
		assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 1);
		assertThat(this.registry.get(DependencyHealthChecker.CHECK_METER).tag("outcome", "timeout").timer().count())
			.isEqualTo(1);
	}

	@Test
	void resultsAreReusedForTheTtl() throws InterruptedException {
		AtomicInteger probes = new AtomicInteger();
		DependencyHealthChecker checker = checker(Duration.ofMillis(100), Duration.ofMillis(300),
				check("db", probes, () -> {
				}));
		for (int i = 0; i < 100; i++) {
			checker.status("db");
		}
		assertThat(probes).hasValue(1);
		Thread.sleep(350);
		checker.status("db");
		assertThat(probes).hasValue(2);
	}

	@Test
	void oneRoundOfIndicatorsProbesEachDependencyOnceEvenWithoutCache() {
		AtomicInteger dbProbes = new AtomicInteger();
		AtomicInteger redisProbes = new AtomicInteger();
		DependencyHealthChecker checker = checker(Duration.ofSeconds(1), Duration.ZERO, check("db", dbProbes, () -> {
		}), check("redis", redisProbes, () -> {
		}));
		checker.status("db");
		checker.status("redis");
		assertThat(dbProbes).hasValue(1);
		assertThat(redisProbes).hasValue(1);
	}

	@Test
	void invalidArgumentsAreRejectedNamingThem() {
		DependencyCheck db = check("db", new AtomicInteger(), () -> {
		});
		assertThatIllegalArgumentException()
			.isThrownBy(() -> checker(Duration.ZERO, Duration.ZERO, db))
			.withMessageContaining("'timeout'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> checker(Duration.ofSeconds(1), Duration.ZERO, db, db))
			.withMessageContaining("'checks'");
		assertThatIllegalArgumentException().isThrownBy(() -> checker(Duration.ofSeconds(1), Duration.ZERO, db).status("x"))
			.withMessageContaining("'name'");
	}

	@Test
	void httpUrlIsShownWithoutCredentialsOrQuery() {
		assertThat(HttpDependencyCheck.sanitize(java.net.URI.create("https://user:pw@pay.example.com:8443/health?key=s3cret#x")))
			.isEqualTo("https://pay.example.com:8443/health");
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
