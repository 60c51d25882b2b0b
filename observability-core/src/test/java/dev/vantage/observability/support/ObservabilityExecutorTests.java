package dev.vantage.observability.support;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityExecutorTests {

	@Test
	void blockedTasksNeverHoldMoreThreadsThanReserved() throws InterruptedException {
		try (ObservabilityExecutor executor = new ObservabilityExecutor("bounded")) {
			executor.reserve(2);
			CountDownLatch release = new CountDownLatch(1);
			Set<String> threads = ConcurrentHashMap.newKeySet();
			for (int i = 0; i < 20; i++) {
				executor.execute(() -> {
					threads.add(Thread.currentThread().getName());
					await(release);
				});
			}
			Thread.sleep(200);
			assertThat(threads).hasSize(3).allMatch((name) -> name.startsWith("bounded-"));
			release.countDown();
		}
	}

	@Test
	void aFailingPeriodicTaskKeepsRunning() throws InterruptedException {
		try (ObservabilityExecutor executor = new ObservabilityExecutor("periodic")) {
			AtomicInteger runs = new AtomicInteger();
			CountDownLatch thrice = new CountDownLatch(3);
			executor.scheduleWithFixedDelay("failing", () -> {
				runs.incrementAndGet();
				thrice.countDown();
				throw new IllegalStateException("boom");
			}, Duration.ofMillis(10));
			assertThat(thrice.await(5, TimeUnit.SECONDS)).isTrue();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
