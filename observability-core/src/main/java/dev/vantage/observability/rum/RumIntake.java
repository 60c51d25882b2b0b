package dev.vantage.observability.rum;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.vantage.observability.errors.BrowserError;
import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.support.Arguments;
import dev.vantage.observability.support.WindowCounters;
import org.jspecify.annotations.Nullable;

/**
 * Decides what of a beacon is recorded. The endpoint is public by nature, so nothing a
 * client sends is trusted: a page's {@code Origin} must be the service's own or allowed,
 * each client address may send a bounded number of beacons per window (with a bounded number
 * of addresses followed), and each value must be a known vital in range. What is refused is
 * counted by reason.
 */
public final class RumIntake {

	/** The most errors one beacon may report; a page reports at most this many per beacon. */
	public static final long MAX_ERRORS = 100;

	/** The most error details one beacon may carry; a page sends at most this many. */
	public static final int MAX_ERROR_DETAILS = 10;

	private final RumMetrics metrics;

	private final Set<String> allowedOrigins;

	private final int maxBeacons;

	private final WindowCounters beacons;

	private final @Nullable ErrorTracker errorTracker;

	/**
	 * Creates the intake.
	 * @param metrics the meters
	 * @param allowedOrigins origins besides the service's own whose pages may report, for
	 * example {@code https://www.example.com}
	 * @param maxBeacons beacons allowed per client address and window
	 * @param window the rate limit's window
	 * @param maxTrackedClients the most client addresses followed at once; when all are
	 * followed within one window, new addresses are refused until windows expire
	 * @param clock the clock
	 */
	public RumIntake(RumMetrics metrics, Collection<String> allowedOrigins, int maxBeacons, Duration window,
			int maxTrackedClients, Clock clock) {
		this(metrics, allowedOrigins, maxBeacons, window, maxTrackedClients, clock, null);
	}

	/**
	 * Creates the intake, with error details grouped into a tracker.
	 * @param metrics the meters
	 * @param allowedOrigins origins besides the service's own whose pages may report
	 * @param maxBeacons beacons allowed per client address and window
	 * @param window the rate limit's window
	 * @param maxTrackedClients the most client addresses followed at once
	 * @param clock the clock
	 * @param errorTracker where error details are grouped, or {@code null} to keep only counts
	 */
	public RumIntake(RumMetrics metrics, Collection<String> allowedOrigins, int maxBeacons, Duration window,
			int maxTrackedClients, Clock clock, @Nullable ErrorTracker errorTracker) {
		this.errorTracker = errorTracker;
		this.metrics = Arguments.requireNonNull(metrics, "metrics");
		this.allowedOrigins = Arguments.requireNonNull(allowedOrigins, "allowedOrigins")
			.stream()
			.map(RumIntake::normalize)
			.collect(Collectors.toUnmodifiableSet());
		if (maxBeacons < 1) {
			throw new IllegalArgumentException("'maxBeacons' must be at least 1, was " + maxBeacons);
		}
		this.maxBeacons = maxBeacons;
		this.beacons = new WindowCounters(window, maxTrackedClients, clock);
	}

	/**
	 * Admits a beacon before its body is read, or counts why not.
	 * @param origin the request's {@code Origin} header (or the origin of its {@code Referer}),
	 * or {@code null}: browsers send one with every beacon, so a beacon without either is
	 * refused as {@link Rejection#ORIGIN}
	 * @param host the request's {@code Host} header, or {@code null}
	 * @param clientIp the client address
	 * @return {@code null} when admitted, else {@link Rejection#ORIGIN} or
	 * {@link Rejection#RATE_LIMITED}
	 */
	public @Nullable Rejection admit(@Nullable String origin, @Nullable String host, String clientIp) {
		if (origin == null || !isSameOrigin(origin, host) && !isAllowedCrossOrigin(origin)) {
			return rejected(Rejection.ORIGIN);
		}
		int count = this.beacons.increment(Arguments.requireNonNull(clientIp, "clientIp"));
		if (count > this.maxBeacons) {
			return rejected(Rejection.RATE_LIMITED);
		}
		return null;
	}

	/**
	 * Tells whether a page of another origin may report (and gets CORS headers).
	 * @param origin the request's {@code Origin} header
	 * @return whether it is in the allowed list
	 */
	public boolean isAllowedCrossOrigin(@Nullable String origin) {
		return origin != null && this.allowedOrigins.contains(normalize(origin));
	}

	/**
	 * Counts a beacon refused before it was parsed, or a malformed one.
	 * @param reason why
	 * @return the reason
	 */
	public Rejection rejected(Rejection reason) {
		this.metrics.rejected(reason);
		return reason;
	}

	/**
	 * Records an admitted beacon: each value that is a known vital, not repeated and in
	 * range; the page view; the error count if in range. Each dropped value is counted as
	 * {@link Rejection#INVALID_VALUE}.
	 * @param beacon the parsed beacon
	 */
	public void record(Beacon beacon) {
		Arguments.requireNonNull(beacon, "beacon");
		String page = this.metrics.page(beacon.page());
		Set<WebVital> seen = EnumSet.noneOf(WebVital.class);
		for (Beacon.Measurement measurement : beacon.measurements()) {
			WebVital vital = WebVital.named(measurement.name());
			double value = (vital != null && vital.isTimed()) ? measurement.value() / 1000 : measurement.value();
			if (vital == null || !seen.add(vital) || !vital.isPlausible(value)) {
				this.metrics.rejected(Rejection.INVALID_VALUE);
				continue;
			}
			this.metrics.record(page, vital, value);
		}
		if (beacon.view()) {
			this.metrics.viewed(page);
		}
		if (beacon.errors() < 0 || beacon.errors() > MAX_ERRORS) {
			this.metrics.rejected(Rejection.INVALID_VALUE);
		}
		else if (beacon.errors() > 0) {
			this.metrics.errors(page, beacon.errors());
		}
		if (this.errorTracker != null) {
			recordDetails(page, beacon.errorDetails(), this.errorTracker);
		}
	}

	private void recordDetails(String page, List<Beacon.ErrorDetail> details, ErrorTracker tracker) {
		if (details.size() > MAX_ERROR_DETAILS) {
			this.metrics.rejected(Rejection.INVALID_VALUE);
			return;
		}
		for (Beacon.ErrorDetail detail : details) {
			if (detail.count() < 1 || detail.count() > MAX_ERRORS) {
				this.metrics.rejected(Rejection.INVALID_VALUE);
				continue;
			}
			tracker.recordBrowser(page, BrowserError.of(detail.message(), detail.frame()), detail.count());
		}
	}

	/**
	 * Returns how many client addresses the rate limit follows now.
	 * @return the number of addresses
	 */
	public int trackedClients() {
		return this.beacons.tracked();
	}

	private static boolean isSameOrigin(String origin, @Nullable String host) {
		if (host == null) {
			return false;
		}
		try {
			String authority = URI.create(origin).getRawAuthority();
			return authority != null && authority.equalsIgnoreCase(host);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String normalize(String origin) {
		String trimmed = origin.trim().toLowerCase(Locale.ROOT);
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
