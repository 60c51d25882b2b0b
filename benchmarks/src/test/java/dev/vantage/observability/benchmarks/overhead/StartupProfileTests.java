package dev.vantage.observability.benchmarks.overhead;

import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StartupProfileTests {

	@Test
	void startsMustBeAPositiveWholeNumber() {
		assertThat(StartupProfile.starts(" 5 ")).isEqualTo(5);
		assertThatIllegalArgumentException().isThrownBy(() -> StartupProfile.starts("0")).withMessageContaining("'starts'");
		assertThatIllegalArgumentException().isThrownBy(() -> StartupProfile.starts("three"))
			.withMessageContaining("'starts'");
	}

	@Test
	void mainThreadSamplesAreCountedWithTheirNearestVantageFrame(@TempDir Path directory) throws Exception {
		assertThat(Thread.currentThread().getName()).isEqualTo("main");
		String busy = getClass().getName() + ".busy";
		StartupProfile.Sampled sampled = null;
		// The JVM's sampler may not walk the stack of a hot loop in every period; a loaded machine
		// can leave a short recording without one sample in it, so record again, up to five times.
		for (int attempt = 1; attempt <= 5 && (sampled == null || !sampled.vantageFrames.containsKey(busy)); attempt++) {
			Path file = directory.resolve("busy-" + attempt + ".jfr");
			try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
				recording.start();
				busy(Duration.ofMillis(600L * attempt));
				recording.stop();
				recording.dump(file);
			}
			sampled = StartupProfile.Sampled.of(file, 1.5);
		}
		assertThat(sampled.samples).isPositive();
		assertThat(sampled.withVantageFrame).isEqualTo(sampled.samples);
		assertThat(sampled.vantageFrames).containsKey(busy);
		assertThat(sampled.inLogbackConfiguration).isZero();
		assertThat(sampled.byPhase).containsOnlyKeys(StartupProfile.PHASES.values()).allSatisfy((phase, count) -> assertThat(count).isZero());
		assertThat(sampled.toString()).startsWith("ready in 1.50 s");
	}

	private static long busy(Duration duration) {
		long deadline = System.nanoTime() + duration.toNanos();
		long sum = 0;
		while (System.nanoTime() < deadline) {
			sum += Long.toString(sum ^ System.nanoTime()).hashCode();
		}
		return sum;
	}

}
