package dev.vantage.observability.support;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts events per key in fixed windows, with bounded memory: at most {@code maxTracked}
 * keys are followed; when full, the key seen least recently is forgotten (and counted in
 * {@link #evicted()}) to make room, in constant time. No caller can use the bound up for the
 * others: a key that keeps coming back stays recent and stays followed, while a flood of
 * distinct keys only pushes out keys nobody uses. Shared by the brute-force detector and the RUM
 * beacon rate limit. Internal to Vantage.
 */
public final class WindowCounters {

	private final long windowMillis;

	private final int maxTracked;

	private final Clock clock;

	/** In access order: the eldest entry is the key seen least recently. Guarded by itself. */
	private final LinkedHashMap<String, Window> windows;

	private long evicted;

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
		this.windows = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
				if (size() > WindowCounters.this.maxTracked) {
					WindowCounters.this.evicted++;
					return true;
				}
				return false;
			}

		};
	}

	/**
	 * Counts one event of a key.
	 * @param key the key
	 * @return the key's events in its current window, this one included
	 */
	public int increment(String key) {
		long now = this.clock.millis();
		synchronized (this.windows) {
			Window window = this.windows.get(key);
			if (window == null) {
				window = new Window(now);
				this.windows.put(key, window);
			}
			return window.increment(now, this.windowMillis);
		}
	}

	/**
	 * Returns how many keys are followed now.
	 * @return the number of keys
	 */
	public int tracked() {
		synchronized (this.windows) {
			return this.windows.size();
		}
	}

	/**
	 * Returns how many keys were forgotten to make room for new ones.
	 * @return the number of keys
	 */
	public long evicted() {
		synchronized (this.windows) {
			return this.evicted;
		}
	}

	/** The events of one key in its current window; guarded by the map's lock. */
	private static final class Window {

		private long start;

		private int count;

		Window(long start) {
			this.start = start;
		}

		int increment(long now, long length) {
			if (now - this.start >= length) {
				this.start = now;
				this.count = 0;
			}
			if (this.count < Integer.MAX_VALUE) {
				this.count++;
			}
			return this.count;
		}

	}

}
