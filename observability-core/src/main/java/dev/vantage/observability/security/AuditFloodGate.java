package dev.vantage.observability.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.support.Arguments;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a flood of security events from flooding the audit trail, and loses no count. Per
 * key (type, principal, client address and reason) and window, the first
 * {@code maxPerWindow} events are written as they come; the repeats after them are counted,
 * and once the window is over one {@value #SUPPRESSED} event carries their number, the
 * first and last time and the key. So ten thousand failed logins of one attacker write a few
 * lines, not ten thousand, request threads do not queue on the audit file, and rotation does
 * not delete the history that came before.
 * <p>
 * At most {@code maxTracked} keys are followed; the least recently seen one makes room, after
 * its summary is written. A summary is written when its key is seen again after its window,
 * by {@link #flush()} (run it about once a window) or by {@link #close()}. Only the security
 * events Vantage records go through the gate; the application's own audit events are always
 * written one by one.
 */
public final class AuditFloodGate implements AuditLogger, AutoCloseable {

	/** The type of the event that counts the repeats of a key not written one by one. */
	public static final String SUPPRESSED = "audit.suppressed";

	private final AuditLogger audit;

	private final int maxPerWindow;

	private final long windowMillis;

	private final Clock clock;

	private final LongAdder suppressed = new LongAdder();

	/** In access order, the eldest is the key seen least recently. Guarded by itself. */
	private final LinkedHashMap<String, Window> windows;

	/** Summaries of keys pushed out to make room, written outside of the lock. */
	private final List<AuditEvent> evictedSummaries = new ArrayList<>();

	/**
	 * Creates the gate.
	 * @param audit where events are written
	 * @param maxPerWindow events of one key written per window, at least 1
	 * @param window the window length, positive
	 * @param maxTracked the most keys followed at once, at least 1
	 * @param clock the clock
	 */
	public AuditFloodGate(AuditLogger audit, int maxPerWindow, Duration window, int maxTracked, Clock clock) {
		if (maxPerWindow < 1) {
			throw new IllegalArgumentException("'maxPerWindow' must be at least 1, was " + maxPerWindow);
		}
		if (window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("'window' must be positive, was " + window);
		}
		if (maxTracked < 1) {
			throw new IllegalArgumentException("'maxTracked' must be at least 1, was " + maxTracked);
		}
		this.audit = Arguments.requireNonNull(audit, "audit");
		this.maxPerWindow = maxPerWindow;
		this.windowMillis = window.toMillis();
		this.clock = clock;
		this.windows = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
				if (size() <= maxTracked) {
					return false;
				}
				AuditEvent summary = eldest.getValue().summary();
				if (summary != null) {
					AuditFloodGate.this.evictedSummaries.add(summary);
				}
				return true;
			}

		};
	}

	@Override
	public void log(AuditEvent event) {
		Arguments.requireNonNull(event, "event");
		String key = key(event);
		Instant now = this.clock.instant();
		AuditEvent due;
		List<AuditEvent> evicted = null;
		boolean write;
		synchronized (this.windows) {
			Window window = this.windows.get(key);
			if (window == null) {
				window = new Window(event, now);
				this.windows.put(key, window);
				if (!this.evictedSummaries.isEmpty()) {
					evicted = new ArrayList<>(this.evictedSummaries);
					this.evictedSummaries.clear();
				}
			}
			due = window.over(now, this.windowMillis) ? window.restart(now) : null;
			write = window.admit(this.maxPerWindow, now);
		}
		if (evicted != null) {
			evicted.forEach(this.audit::log);
		}
		if (due != null) {
			this.audit.log(due);
		}
		if (write) {
			this.audit.log(event);
		}
		else {
			this.suppressed.increment();
		}
	}

	@Override
	public void writeFailed(@Nullable String type, @Nullable Throwable cause) {
		this.audit.writeFailed(type, cause);
	}

	/** Writes the summaries of windows that are over, and forgets keys that went quiet. */
	public void flush() {
		write(drain(false));
	}

	/** Writes every pending summary, windows not over yet included. */
	@Override
	public void close() {
		write(drain(true));
	}

	/**
	 * Returns how many events were not written one by one but counted in a summary.
	 * @return the count since the start
	 */
	public long suppressed() {
		return this.suppressed.sum();
	}

	private List<AuditEvent> drain(boolean all) {
		Instant now = this.clock.instant();
		List<AuditEvent> due = new ArrayList<>();
		synchronized (this.windows) {
			due.addAll(this.evictedSummaries);
			this.evictedSummaries.clear();
			for (Iterator<Window> it = this.windows.values().iterator(); it.hasNext();) {
				Window window = it.next();
				if (all || window.over(now, this.windowMillis)) {
					AuditEvent summary = window.summary();
					if (summary != null) {
						due.add(summary);
					}
					it.remove();
				}
			}
		}
		return due;
	}

	private void write(List<AuditEvent> summaries) {
		summaries.forEach(this.audit::log);
	}

	private static String key(AuditEvent event) {
		return BoundedKeys.of(event.type() + '\u0000', Objects.toString(event.principal(), "") + '\u0000'
				+ Objects.toString(event.clientIp(), "") + '\u0000' + Objects.toString(event.reason(), ""));
	}

	/** One key's current window. Guarded by the gate's map. */
	private static final class Window {

		private final AuditEvent sample;

		private Instant start;

		private int count;

		private int repeats;

		private @Nullable Instant firstRepeat;

		private @Nullable Instant lastRepeat;

		Window(AuditEvent sample, Instant start) {
			this.sample = sample;
			this.start = start;
		}

		boolean over(Instant now, long windowMillis) {
			return now.toEpochMilli() - this.start.toEpochMilli() >= windowMillis;
		}

		/** Starts a new window and returns the summary of the one that ended, if it had repeats. */
		@Nullable AuditEvent restart(Instant now) {
			AuditEvent summary = summary();
			this.start = now;
			this.count = 0;
			return summary;
		}

		boolean admit(int max, Instant now) {
			if (this.count < max) {
				this.count++;
				return true;
			}
			if (this.repeats == 0) {
				this.firstRepeat = now;
			}
			this.repeats++;
			this.lastRepeat = now;
			return false;
		}

		/** The summary of the repeats not written so far, which then count from zero. */
		@Nullable AuditEvent summary() {
			if (this.repeats == 0) {
				return null;
			}
			AuditEvent.Builder summary = AuditEvent.builder(SUPPRESSED)
				.outcome(this.sample.outcome())
				.principal(this.sample.principal())
				.clientIp(this.sample.clientIp())
				.action(this.sample.action())
				.resource(this.sample.resource())
				.reason(this.sample.reason())
				.userAgent(this.sample.userAgent())
				.metadata("suppressed_type", this.sample.type())
				.metadata("count", Integer.toString(this.repeats))
				.metadata("first", String.valueOf(this.firstRepeat))
				.metadata("last", String.valueOf(this.lastRepeat))
				.timestamp(this.lastRepeat);
			this.repeats = 0;
			return summary.build();
		}

	}

}
