package dev.vantage.sample.shop.chaos;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Knobs that make the shop misbehave on purpose, so alerts can be demonstrated and tested.
 * Set at startup ({@code sample.chaos.*}) and changed at runtime through
 * {@code /api/admin/chaos}.
 */
@ConfigurationProperties("sample.chaos")
public class ChaosSettings {

	/** Share of payments the simulated provider declines or fails, 0 to 1. */
	private volatile double paymentFailureRate = 0.02;

	/** Extra latency of every simulated payment. */
	private volatile Duration paymentLatency = Duration.ofMillis(80);

	/** Extra latency of every catalog query, spent inside the database. */
	private volatile Duration dbLatency = Duration.ZERO;

	/** An outage of the payment provider. */
	private volatile Outage paymentOutage = Outage.NONE;

	/** How many of the next catalog searches fail with an exception nothing handles (a new error group). */
	private final AtomicInteger catalogFailures = new AtomicInteger();

	public double getPaymentFailureRate() {
		return this.paymentFailureRate;
	}

	public void setPaymentFailureRate(double paymentFailureRate) {
		if (!(paymentFailureRate >= 0 && paymentFailureRate <= 1)) {
			throw new IllegalArgumentException(
					"'sample.chaos.payment-failure-rate' must be between 0 and 1, was " + paymentFailureRate);
		}
		this.paymentFailureRate = paymentFailureRate;
	}

	public Duration getPaymentLatency() {
		return this.paymentLatency;
	}

	public void setPaymentLatency(Duration paymentLatency) {
		this.paymentLatency = requireBounded("payment-latency", paymentLatency);
	}

	public Duration getDbLatency() {
		return this.dbLatency;
	}

	public void setDbLatency(Duration dbLatency) {
		this.dbLatency = requireBounded("db-latency", dbLatency);
	}

	public Outage getPaymentOutage() {
		return this.paymentOutage;
	}

	public void setPaymentOutage(Outage paymentOutage) {
		this.paymentOutage = paymentOutage;
	}

	public int getCatalogFailures() {
		return this.catalogFailures.get();
	}

	public void setCatalogFailures(int catalogFailures) {
		if (catalogFailures < 0 || catalogFailures > 1000) {
			throw new IllegalArgumentException(
					"'sample.chaos.catalog-failures' must be between 0 and 1000, was " + catalogFailures);
		}
		this.catalogFailures.set(catalogFailures);
	}

	/**
	 * Takes one of the catalog failures asked for.
	 * @return whether this catalog search fails
	 */
	public boolean takeCatalogFailure() {
		return this.catalogFailures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
	}

	private static Duration requireBounded(String name, Duration value) {
		if (value.isNegative() || value.compareTo(Duration.ofSeconds(30)) > 0) {
			throw new IllegalArgumentException("'sample.chaos." + name + "' must be between 0 and 30s, was " + value);
		}
		return value;
	}

	/** Kinds of payment provider outage. */
	public enum Outage {

		/** The provider works. */
		NONE,

		/** The provider answers 503. */
		UNAVAILABLE,

		/** The provider accepts the call and does not answer. */
		HANG

	}

}
