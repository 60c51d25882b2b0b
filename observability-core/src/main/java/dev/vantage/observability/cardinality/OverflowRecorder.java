package dev.vantage.observability.cardinality;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the values or series refused for one meter name and tag key, and warns once.
 */
public final class OverflowRecorder {

	private static final Logger logger = LoggerFactory.getLogger(CardinalityGuard.class);

	private final String meter;

	private final String tag;

	private final String limit;

	private final LongAdder count = new LongAdder();

	private final AtomicBoolean warned = new AtomicBoolean();

	OverflowRecorder(String meter, String tag, String limit) {
		this.meter = meter;
		this.tag = tag;
		this.limit = limit;
	}

	/** Records one refused value or series; the first one is also logged. */
	public void record() {
		this.count.increment();
		if (!this.warned.get() && this.warned.compareAndSet(false, true)) {
			logger.warn("Meter '{}' reached its cardinality limit ({}) on '{}'; further values are {} and counted in "
					+ "observability_cardinality_overflow_total", this.meter, this.limit, this.tag,
					CardinalityGuard.SERIES_TAG.equals(this.tag) ? "dropped" : "recorded as '" + TagValues.OTHER + "'");
		}
	}

	/**
	 * Returns how many values or series were refused so far.
	 * @return the count
	 */
	public long count() {
		return this.count.sum();
	}

	String meter() {
		return this.meter;
	}

	String tag() {
		return this.tag;
	}

	String limit() {
		return this.limit;
	}

}
