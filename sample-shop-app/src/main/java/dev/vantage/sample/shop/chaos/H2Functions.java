package dev.vantage.sample.shop.chaos;

/**
 * PostgreSQL's {@code pg_sleep} for H2, so the database-latency knob works on both.
 */
public final class H2Functions {

	private H2Functions() {
	}

	/**
	 * Sleeps inside the database call.
	 * @param seconds how long
	 * @throws InterruptedException if interrupted
	 */
	public static void pgSleep(double seconds) throws InterruptedException {
		Thread.sleep((long) (seconds * 1000));
	}

}
