package dev.vantage.observability.autoconfigure.security;

import java.time.Clock;
import java.time.Duration;

import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.autoconfigure.support.PeriodicTask;
import dev.vantage.observability.security.AuditFloodGate;
import dev.vantage.observability.support.ObservabilityExecutor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The flood gate of the security audit events: writes the summaries of windows that are
 * over once a window, all pending ones when the context closes, and publishes
 * {@value #METER}.
 */
final class SecurityAuditFlood extends PeriodicTask {

	/** Security audit events counted in a summary instead of written one by one. */
	static final String METER = "audit.events.suppressed";

	private final AuditFloodGate gate;

	SecurityAuditFlood(AuditLogger audit, VantageSecurityProperties.AuditFlood properties, int maxTracked,
			MeterRegistry registry, ObservabilityExecutor executor) {
		super("Writing audit flood summaries", properties.getWindow(), executor);
		Duration window = properties.getWindow();
		this.gate = new AuditFloodGate(audit, properties.getMaxEvents(), window, maxTracked, Clock.systemUTC());
		FunctionCounter.builder(METER, this.gate, AuditFloodGate::suppressed)
			.description("Security audit events counted in an audit.suppressed summary instead of written one by one")
			.register(registry);
	}

	AuditFloodGate gate() {
		return this.gate;
	}

	@Override
	protected void runOnce() {
		this.gate.flush();
	}

	@Override
	public void stop() {
		super.stop();
		this.gate.close();
	}

}
