package dev.vantage.observability.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.vantage.observability.cardinality.BoundedTagCache;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.cardinality.EnumMeters;
import dev.vantage.observability.support.Arguments;
import dev.vantage.observability.tenant.TenantContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@link AuditLogger} that writes: fills when (UTC), the tenant and the trace ids from the current
 * context, masks secrets, writes to the sink and counts {@value #EVENTS_METER}{type,
 * outcome}. A failed write never reaches domain code: it is counted in
 * {@value #FAILURES_METER} and logged on this class's logger (not the audit logger).
 */
public final class SinkAuditLogger implements AuditLogger {

	private static final Logger logger = LoggerFactory.getLogger(SinkAuditLogger.class);

	private final AuditSink sink;

	private final AuditMasker masker;

	private final Clock clock;

	private final BoundedTagCache<EnumMeters<AuditOutcome, Counter>> events;

	private final Counter failures;

	/** The write in progress on each thread, so that a failure its appender reports unmarks it as written. */
	private final ThreadLocal<Write> writes = ThreadLocal.withInitial(Write::new);

	/** Whether writes are failing: the failure and the recovery are logged once each, not per event. */
	private final AtomicBoolean failing = new AtomicBoolean();

	/**
	 * Creates the logger.
	 * @param sink where events are written
	 * @param masker what keeps secrets out
	 * @param registry the registry of the audit meters
	 * @param guard the guard bounding the {@code type} tag
	 * @param clock the clock of event timestamps
	 */
	public SinkAuditLogger(AuditSink sink, AuditMasker masker, MeterRegistry registry, CardinalityGuard guard,
			Clock clock) {
		this.sink = sink;
		this.masker = masker;
		this.clock = clock;
		this.events = new BoundedTagCache<>(guard.maxTagValues(), guard.overflowRecorder(EVENTS_METER, "type"),
				(type) -> new EnumMeters<>(AuditOutcome.class, (outcome) -> Counter.builder(EVENTS_METER)
					.description("Audit events written")
					.tags("type", type, "outcome", outcome.value())
					.register(registry)));
		this.failures = Counter.builder(FAILURES_METER)
			.description("Audit events that could not be written (must stay 0)")
			.register(registry);
	}

	@Override
	public void log(AuditEvent event) {
		AuditEvent complete = complete(Arguments.requireNonNull(event, "event"));
		Write write = this.writes.get();
		write.start(complete.type());
		try {
			this.sink.write(complete);
		}
		catch (RuntimeException ex) {
			if (!write.end()) {
				writeFailed(complete.type(), ex);
			}
			return;
		}
		if (write.end()) {
			return;
		}
		this.events.get(event.type()).get(event.outcome()).increment();
		if (this.failing.get() && this.failing.compareAndSet(true, false)) {
			logger.warn("Audit events are written again; {} lost in all since the start, counted in {}",
					(long) this.failures.count(), FAILURES_METER);
		}
	}

	/**
	 * Counts a lost event. Called while this thread writes an event (an appender reporting its
	 * I/O error), it marks that event lost, so it is never counted as written too.
	 */
	@Override
	public void writeFailed(@Nullable String type, @Nullable Throwable cause) {
		Write write = this.writes.get();
		String lostType = (type != null) ? type : write.type();
		if (write.fail()) {
			return;
		}
		this.failures.increment();
		if (this.failing.compareAndSet(false, true)) {
			logger.error("Audit event{} could not be written, and later lost events are counted in {} "
					+ "without a line each until writes succeed again: {}",
					(lostType != null) ? " '" + lostType + "'" : "", FAILURES_METER,
					(cause != null) ? cause.toString() : "unknown error");
		}
	}

	private AuditEvent complete(AuditEvent event) {
		Map<String, String> metadata = new LinkedHashMap<>();
		event.metadata().forEach((key, value) -> metadata.put(key, this.masker.mask(key, value)));
		Instant timestamp = event.timestamp();
		String traceId = event.traceId();
		String spanId = event.spanId();
		return new AuditEvent(event.type(), event.outcome(), mask(event.principal()),
				(event.tenant() != null) ? mask(event.tenant()) : TenantContext.current(), mask(event.action()),
				maskText(event.resource()), maskText(event.reason()), this.masker.clientIp(event.clientIp()),
				mask(event.userAgent()), (traceId != null) ? traceId : MDC.get("traceId"),
				(spanId != null) ? spanId : MDC.get("spanId"), (timestamp != null) ? timestamp : this.clock.instant(),
				metadata);
	}

	private @Nullable String mask(@Nullable String value) {
		return this.masker.mask(value);
	}

	/** Free text written by code (a resource, a reason) may carry anything an exception says. */
	private @Nullable String maskText(@Nullable String value) {
		return this.masker.maskText(value, AuditMasker.MAX_VALUE_LENGTH);
	}

	/** One thread's write in progress: its type, and whether a failure was reported during it. */
	private static final class Write {

		private @Nullable String type;

		private boolean active;

		private boolean failed;

		void start(String type) {
			this.type = type;
			this.active = true;
			this.failed = false;
		}

		/** Ends the write; returns whether it failed. */
		boolean end() {
			this.active = false;
			this.type = null;
			return this.failed;
		}

		@Nullable String type() {
			return this.active ? this.type : null;
		}

		/**
		 * Marks the write in progress failed; returns {@code true} when it was already marked, so
		 * one event is counted lost once however many errors its appenders report.
		 */
		boolean fail() {
			if (!this.active) {
				return false;
			}
			boolean already = this.failed;
			this.failed = true;
			return already;
		}

	}

}
