package dev.vantage.observability.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for an asynchronous effect, bounded in time.
 */
public final class Eventually {

	private Eventually() {
	}

	public static void await(Duration timeout, String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted waiting for " + what);
			}
		}
	}

}
