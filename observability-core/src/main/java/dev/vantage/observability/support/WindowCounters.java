package dev.vantage.observability.support;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key in fixed windows, with bounded memory: at most {@code maxTracked}
 * keys are followed; when full, expired windows are dropped (at most once per quarter
 * window, so that a flood of distinct keys costs O(1) per event), and if none expired a new
 * key is not followed. Shared by the brute-force detector and the RUM beacon rate limit.
 * Internal to Vantage.
 */
public final class WindowCounters {

	/** What {@link #increment(String)} returns for a key that is not followed because the map is full. */
	public static final int NOT_TRACKED = -1;

	private final long windowMillis;

	private final int maxTracked;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private volatile long lastPurge = Long.MIN_VALUE;

	/**
	 * Creates the counters.
	 * @param window the window length
	 * @param maxTracked the most keys followed at once
	 * @param clock the clock
	 */
	public WindowCounters(Duration window, int maxTracked, Clock clock) {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("'window' must be positive, was " + window);
		}
		if (maxTracked < 1) {
			throw new IllegalArgumentException("'maxTracked' must be at least 1, was " + maxTracked);
		}
		this.windowMillis = window.toMillis();
		this.maxTracked = maxTracked;
		this.clock = clock;
	}

	/**
	 * Counts one event of a key.
	 * @param key the key
	 * @return the key's events in its current window, this one included, or
	 * {@link #NOT_TRACKED} when the key is new and the map is full
	 */
	public int increment(String key) {
		long now = this.clock.millis();
		Window window = this.windows.get(key);
		if (window == null) {
			if (this.windows.size() >= this.maxTracked) {
				purgeExpired(now);
				if (this.windows.size() >= this.maxTracked) {
					return NOT_TRACKED;
				}
			}
			window = this.windows.computeIfAbsent(key, (k) -> new Window(now));
		}
		return window.increment(now, this.windowMillis);
	}

	/**
	 * Returns how many keys are followed now.
	 * @return the number of keys
	 */
	public int tracked() {
		return this.windows.size();
	}

	private void purgeExpired(long now) {
		long last = this.lastPurge;
		if (now - last < this.windowMillis / 4 && last != Long.MIN_VALUE) {
			return;
		}
		this.lastPurge = now;
		this.windows.values().removeIf((candidate) -> candidate.expired(now, this.windowMillis));
	}

	/** The events of one key in its current window. */
	private static final class Window {

		private long start;

		private int count;

		Window(long start) {
			this.start = start;
		}

		synchronized int increment(long now, long length) {
			if (now - this.start >= length) {
				this.start = now;
				this.count = 0;
			}
			if (this.count < Integer.MAX_VALUE) {
				this.count++;
			}
			return this.count;
		}

		synchronized boolean expired(long now, long length) {
			return now - this.start >= length;
		}

	}

}
