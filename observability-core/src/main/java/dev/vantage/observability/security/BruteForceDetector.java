package dev.vantage.observability.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Detects brute force: more than {@code maxFailures} failed logins for one principal or one
 * client address within a window. Each key is reported once per window. Memory is bounded:
 * at most {@code maxTracked} keys are followed; when full, expired windows are dropped, and
 * if none expired a new key is not followed (a flood of distinct keys with one failure each
 * is not brute force against any of them).
 */
public final class BruteForceDetector {

	private final int maxFailures;

	private final long windowMillis;

	private final int maxTracked;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private volatile long lastPurge = Long.MIN_VALUE;

	/**
	 * Creates a detector.
	 * @param maxFailures failures allowed per key and window
	 * @param window the window length
	 * @param maxTracked the most keys followed at once
	 * @param clock the clock
	 */
	public BruteForceDetector(int maxFailures, Duration window, int maxTracked, Clock clock) {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("'maxFailures' must be at least 1, was " + maxFailures);
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("'window' must be positive, was " + window);
		}
		if (maxTracked < 1) {
			throw new IllegalArgumentException("'maxTracked' must be at least 1, was " + maxTracked);
		}
		this.maxFailures = maxFailures;
		this.windowMillis = window.toMillis();
		this.maxTracked = maxTracked;
		this.clock = clock;
	}

	/**
	 * Records a failed login.
	 * @param principal the user name tried, or {@code null}
	 * @param clientIp the client address, or {@code null}
	 * @return what crossed the threshold with this failure, {@code null} if nothing did
	 */
	public @Nullable Detection failed(@Nullable String principal, @Nullable String clientIp) {
		long now = this.clock.millis();
		boolean byPrincipal = (principal != null) && crossed("principal:" + principal, now);
		boolean byAddress = (clientIp != null) && crossed("ip:" + clientIp, now);
		return (byPrincipal || byAddress) ? new Detection(byPrincipal, byAddress) : null;
	}

	/**
	 * Returns how many keys are followed now.
	 * @return the number of keys
	 */
	public int tracked() {
		return this.windows.size();
	}

	private boolean crossed(String key, long now) {
		Window window = this.windows.get(key);
		if (window == null) {
			if (this.windows.size() >= this.maxTracked) {
				purgeExpired(now);
				if (this.windows.size() >= this.maxTracked) {
					return false;
				}
			}
			window = this.windows.computeIfAbsent(key, (k) -> new Window(now));
		}
		return window.fail(now, this.windowMillis, this.maxFailures);
	}

	/** Drops expired windows, at most once per quarter window, so that a flood costs O(1) per failure. */
	private void purgeExpired(long now) {
		long last = this.lastPurge;
		if (now - last < this.windowMillis / 4 && last != Long.MIN_VALUE) {
			return;
		}
		this.lastPurge = now;
		this.windows.values().removeIf((candidate) -> candidate.expired(now, this.windowMillis));
	}

	/**
	 * What a failure crossed.
	 *
	 * @param byPrincipal the principal's failures crossed the threshold
	 * @param byClientIp the address's failures crossed the threshold
	 */
	public record Detection(boolean byPrincipal, boolean byClientIp) {
	}

	/** The failures of one key in its current window. */
	private static final class Window {

		private long start;

		private int failures;

		private boolean reported;

		Window(long start) {
			this.start = start;
		}

		synchronized boolean fail(long now, long length, int max) {
			if (now - this.start >= length) {
				this.start = now;
				this.failures = 0;
				this.reported = false;
			}
			this.failures++;
			if (this.failures > max && !this.reported) {
				this.reported = true;
				return true;
			}
			return false;
		}

		synchronized boolean expired(long now, long length) {
			return now - this.start >= length;
		}

	}

}
