package dev.vantage.observability.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vantage.observability.audit.AuditEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditFloodGateTests {

	private final BruteForceDetectorTests.MutableClock clock = new BruteForceDetectorTests.MutableClock();

	private final List<AuditEvent> written = new CopyOnWriteArrayList<>();

	private final AuditFloodGate gate = new AuditFloodGate(this.written::add, 3, Duration.ofMinutes(1), 100, this.clock);

	@Test
	void aFloodOfOneKeyWritesItsFirstEventsAndOneSummaryWithTheRest() {
		for (int i = 0; i < 10_000; i++) {
			this.gate.log(failedLogin("alice", "203.0.113.9"));
		}
		assertThat(this.written).hasSize(3);
		this.clock.advance(Duration.ofSeconds(61));
		this.gate.flush();
		assertThat(this.written).hasSize(4);
		AuditEvent summary = this.written.get(3);
		assertThat(summary.type()).isEqualTo(AuditFloodGate.SUPPRESSED);
		assertThat(summary.principal()).isEqualTo("alice");
		assertThat(summary.clientIp()).isEqualTo("203.0.113.9");
		assertThat(summary.metadata()).containsEntry("suppressed_type", "authentication.failure")
			.containsEntry("count", "9997");
		assertThat(written(this.written)).isEqualTo(10_000);
		assertThat(this.gate.suppressed()).isEqualTo(9_997);
	}

	@Test
	void keysAreCountedApartAndAKeySeenAgainAfterItsWindowWritesTheSummaryFirst() {
		for (int i = 0; i < 5; i++) {
			this.gate.log(failedLogin("alice", "203.0.113.9"));
			this.gate.log(failedLogin("bob", "203.0.113.9"));
		}
		assertThat(this.written).hasSize(6);
		this.clock.advance(Duration.ofMinutes(2));
		this.gate.log(failedLogin("alice", "203.0.113.9"));
		assertThat(this.written).hasSize(8);
		assertThat(this.written.get(6).metadata()).containsEntry("count", "2");
		assertThat(this.written.get(7).type()).isEqualTo("authentication.failure");
		this.gate.close();
		assertThat(written(this.written)).isEqualTo(11);
	}

	@Test
	void distinctKeysPastTheBoundWriteTheSummaryOfTheKeyThatMakesRoom() {
		AuditFloodGate small = new AuditFloodGate(this.written::add, 1, Duration.ofMinutes(1), 2, this.clock);
		small.log(failedLogin("alice", "203.0.113.9"));
		small.log(failedLogin("alice", "203.0.113.9"));
		for (int i = 0; i < 1_000; i++) {
			// Distinct names, two megabytes long at times: memory stays bounded by the key count.
			small.log(failedLogin(((i % 100 == 0) ? "x".repeat(2_000_000) : "") + "user-" + i, "198.51.100.7"));
		}
		small.close();
		assertThat(this.written.stream().filter((event) -> AuditFloodGate.SUPPRESSED.equals(event.type())))
			.singleElement()
			.satisfies((summary) -> assertThat(summary.principal()).isEqualTo("alice"));
		assertThat(written(this.written)).isEqualTo(1_002);
	}

	@Test
	void invalidSettingsAreRejectedNamingTheParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditFloodGate(this.written::add, 0, Duration.ofMinutes(1), 1, this.clock))
			.withMessageContaining("'maxPerWindow'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditFloodGate(this.written::add, 1, Duration.ZERO, 1, this.clock))
			.withMessageContaining("'window'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditFloodGate(this.written::add, 1, Duration.ofMinutes(1), 0, this.clock))
			.withMessageContaining("'maxTracked'");
	}

	/** Events written one by one plus the repeats the summaries count: what was recorded. */
	static long written(List<AuditEvent> events) {
		return events.stream()
			.mapToLong((event) -> AuditFloodGate.SUPPRESSED.equals(event.type())
					? Long.parseLong(event.metadata().get("count")) : 1)
			.sum();
	}

	private static AuditEvent failedLogin(String principal, String clientIp) {
		return AuditEvent.builder("authentication.failure")
			.action("login")
			.principal(principal)
			.clientIp(clientIp)
			.failure("bad_credentials")
			.build();
	}

}
