package dev.vantage.observability.errors;

import java.util.List;

/**
 * Prints the fingerprint of an exception thrown by real code, for a test to compare with the
 * one its own JVM computes.
 */
public final class FingerprintInAnotherJvm {

	private FingerprintInAnotherJvm() {
	}

	public static void main(String[] args) {
		System.out.println(fingerprint());
	}

	/** Computed on a thread of its own, so that both JVMs see the same frames below it. */
	static String fingerprint() {
		String[] result = new String[1];
		Thread thread = new Thread(() -> result[0] = thrownByCheckout());
		thread.start();
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return result[0];
	}

	private static String thrownByCheckout() {
		try {
			Checkout.pay(() -> {
				throw new IllegalStateException("declined " + System.nanoTime());
			});
			throw new AssertionError("no exception");
		}
		catch (IllegalStateException ex) {
			return ErrorFingerprinter.hex(new ErrorFingerprinter(List.of("dev.vantage.observability.errors"))
				.fingerprint(ex, ThrowableAccess.THROWABLES));
		}
	}

	static final class Checkout {

		static void pay(Runnable gateway) {
			gateway.run();
		}

	}

}
