package dev.vantage.observability.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BruteForceDetectorTests {

	private final MutableClock clock = new MutableClock();

	private final BruteForceDetector detector = new BruteForceDetector(5, Duration.ofMinutes(1), 1000, this.clock);

	@Test
	void sixthFailureOfAPrincipalWithinTheWindowIsDetectedOnce() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.detector.failed("alice", "203.0.113." + i)).isNull();
		}
		BruteForceDetector.Detection detection = this.detector.failed("alice", "203.0.113.99");
		assertThat(detection).isNotNull();
		assertThat(detection.byPrincipal()).isTrue();
		assertThat(detection.byClientIp()).isFalse();
		assertThat(this.detector.failed("alice", "203.0.113.100")).isNull();
	}

	@Test
	void oneAddressTryingManyPrincipalsIsDetected() {
		BruteForceDetector.Detection last = null;
		for (int i = 0; i < 6; i++) {
			last = this.detector.failed("user-" + i, "198.51.100.7");
		}
		assertThat(last).isNotNull();
		assertThat(last.byClientIp()).isTrue();
	}

	@Test
	void failuresSpreadOverWindowsAreNotBruteForce() {
		for (int i = 0; i < 12; i++) {
			assertThat(this.detector.failed("bob", null)).isNull();
			if (i % 5 == 4) {
				this.clock.advance(Duration.ofSeconds(61));
			}
		}
	}

	@Test
	void detectionIsReportedAgainInTheNextWindow() {
		for (int i = 0; i < 6; i++) {
			this.detector.failed("carol", null);
		}
		this.clock.advance(Duration.ofMinutes(2));
		BruteForceDetector.Detection again = null;
		for (int i = 0; i < 6; i++) {
			again = this.detector.failed("carol", null);
		}
		assertThat(again).isNotNull();
	}

	@Test
	void floodOfDistinctKeysKeepsMemoryBounded() {
		for (int i = 0; i < 1_000_000; i++) {
			this.detector.failed("user-" + i, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
		}
		assertThat(this.detector.tracked()).isLessThanOrEqualTo(1000);
		this.clock.advance(Duration.ofMinutes(2));
		for (int i = 0; i < 6; i++) {
			this.detector.failed("target", null);
		}
		assertThat(this.detector.tracked()).isLessThanOrEqualTo(1000);
	}

	@Test
	void anAttackerHiddenInAFloodOfDistinctNamesIsStillDetected() {
		// First come, never evicted, the first 1,000 junk names filled the detector and later keys went untracked.
		BruteForceDetector.Detection detection = null;
		for (int i = 0; i < 3_000; i++) {
			this.detector.failed("junk-" + i, null);
			if (i % 500 == 499) {
				detection = this.detector.failed("victim", null);
			}
		}
		assertThat(detection).isNotNull();
		assertThat(detection.byPrincipal()).isTrue();
		assertThat(this.detector.tracked()).isEqualTo(1000);
		assertThat(this.detector.evicted()).isPositive();
	}

	@Test
	void hugeUserNamesAreKeptAsTheirDigestWithHeapFlat() {
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long before = runtime.totalMemory() - runtime.freeMemory();
		for (int i = 0; i < 750; i++) {
			StringBuilder name = new StringBuilder(2 * 1024 * 1024);
			name.append(i).append('-').append("x".repeat(2 * 1024 * 1024 - 8));
			this.detector.failed(name.toString(), "192.0.2." + (i & 255));
		}
		System.gc();
		long after = runtime.totalMemory() - runtime.freeMemory();
		// 750 failures of 2 MB names each held as such would keep about 3 GB (UTF-16); digests keep well under 1 MB.
		assertThat((after - before) / (1024 * 1024)).as("heap growth in MB").isLessThan(64);
		String repeated = "y".repeat(2 * 1024 * 1024);
		BruteForceDetector.Detection detection = null;
		for (int i = 0; i < 6; i++) {
			detection = this.detector.failed(new String(repeated), null);
		}
		assertThat(detection).as("the same huge name is the same key").isNotNull();
	}

	@Test
	void invalidSettingsAreRejectedNamingTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BruteForceDetector(0, Duration.ofMinutes(1), 1, this.clock))
			.withMessageContaining("'maxFailures'");
		assertThatIllegalArgumentException().isThrownBy(() -> new BruteForceDetector(1, Duration.ZERO, 1, this.clock))
			.withMessageContaining("'window'");
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-22T08:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
