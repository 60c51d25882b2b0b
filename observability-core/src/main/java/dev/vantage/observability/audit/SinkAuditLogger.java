package dev.vantage.observability.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
		try {
			this.sink.write(complete);
		}
		catch (RuntimeException ex) {
			writeFailed(complete.type(), ex);
			return;
		}
		this.events.get(event.type()).get(event.outcome()).increment();
	}

	@Override
	public void writeFailed(@Nullable String type, @Nullable Throwable cause) {
		this.failures.increment();
		logger.error("Audit event{} could not be written: {}", (type != null) ? " '" + type + "'" : "",
				(cause != null) ? cause.toString() : "unknown error");
	}

	private AuditEvent complete(AuditEvent event) {
		Map<String, String> metadata = new LinkedHashMap<>();
		event.metadata().forEach((key, value) -> metadata.put(key, this.masker.mask(key, value)));
		Instant timestamp = event.timestamp();
		String traceId = event.traceId();
		String spanId = event.spanId();
		return new AuditEvent(event.type(), event.outcome(), mask(event.principal()),
				(event.tenant() != null) ? mask(event.tenant()) : TenantContext.current(), mask(event.action()),
				mask(event.resource()), mask(event.reason()), this.masker.clientIp(event.clientIp()),
				mask(event.userAgent()), (traceId != null) ? traceId : MDC.get("traceId"),
				(spanId != null) ? spanId : MDC.get("spanId"), (timestamp != null) ? timestamp : this.clock.instant(),
				metadata);
	}

	private @Nullable String mask(@Nullable String value) {
		return this.masker.mask(value);
	}

}
