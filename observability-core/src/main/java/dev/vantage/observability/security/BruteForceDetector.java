package dev.vantage.observability.security;

import java.time.Clock;
import java.time.Duration;

import dev.vantage.observability.support.WindowCounters;
import org.jspecify.annotations.Nullable;

/**
 * Detects brute force: more than {@code maxFailures} failed logins for one principal or one
 * client address within a window. Each key is reported once per window. Memory is bounded
 * whatever callers send: a user name longer than {@value BoundedKeys#MAX_KEY_LENGTH} characters is
 * followed by its SHA-256 digest (a form login accepts megabytes), and at most
 * {@code maxTracked} keys are followed, the least recently seen forgotten to make room, so a
 * flood of distinct names neither grows memory nor hides an attacker who keeps trying one name.
 */
public final class BruteForceDetector {

	/** The longest user name or address kept as it is; longer ones are kept as their digest. */
	private final int maxFailures;

	private final WindowCounters failures;

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
		this.maxFailures = maxFailures;
		this.failures = new WindowCounters(window, maxTracked, clock);
	}

	/**
	 * Records a failed login.
	 * @param principal the user name tried, or {@code null}
	 * @param clientIp the client address, or {@code null}
	 * @return what crossed the threshold with this failure, {@code null} if nothing did
	 */
	public @Nullable Detection failed(@Nullable String principal, @Nullable String clientIp) {
		boolean byPrincipal = (principal != null) && crossed(BoundedKeys.of("principal:", principal));
		boolean byAddress = (clientIp != null) && crossed(BoundedKeys.of("ip:", clientIp));
		return (byPrincipal || byAddress) ? new Detection(byPrincipal, byAddress) : null;
	}

	/**
	 * Returns how many keys are followed now.
	 * @return the number of keys
	 */
	public int tracked() {
		return this.failures.tracked();
	}

	/**
	 * Returns how many keys were forgotten to make room for new ones.
	 * @return the number of keys
	 */
	public long evicted() {
		return this.failures.evicted();
	}

	/** Exactly the failure past the allowance crosses: each key is reported once per window. */
	private boolean crossed(String key) {
		return this.failures.increment(key) == this.maxFailures + 1;
	}

	/**
	 * What a failure crossed.
	 *
	 * @param byPrincipal the principal's failures crossed the threshold
	 * @param byClientIp the address's failures crossed the threshold
	 */
	public record Detection(boolean byPrincipal, boolean byClientIp) {
	}

}
