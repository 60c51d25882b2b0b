package dev.vantage.observability.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.tenant.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import dev.vantage.observability.testsupport.SecretCorpus;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AuditLoggerTests {

	private static final Instant NOW = Instant.parse("2026-11-22T08:00:00.123Z");

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final List<AuditEvent> written = new ArrayList<>();

	private final AuditLogger audit = logger(this.written::add);

	private AuditLogger logger(AuditSink sink) {
		return new SinkAuditLogger(sink, new AuditMasker(AuditMasker.DEFAULT_MASKED_KEYS, false), this.registry,
				new CardinalityGuard(100, 2000, List.of("audit.")), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void clear() {
		TenantContext.clear();
		MDC.clear();
	}

	@Test
	void freeTextFieldsAreMaskedLikeAnyMessageOnTheHostileCorpus() {
		for (SecretCorpus.Entry entry : SecretCorpus.ENTRIES) {
			this.audit.log(AuditEvent.builder("export.failed")
				.resource(entry.input())
				.failure(entry.input())
				.metadata("query", entry.input())
				.build());
			AuditEvent event = this.written.get(this.written.size() - 1);
			for (String text : new String[] { event.resource(), event.reason(), event.metadata().get("query") }) {
				assertThat(text).as(entry.input()).isEqualTo(entry.masked());
			}
		}
	}

	@Test
	void missingWhenTenantAndTraceAreFilledFromTheContext() {
		TenantContext.set("acme");
		MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		MDC.put("spanId", "00f067aa0ba902b7");
		this.audit.log(AuditEvent.builder("order.refund").principal("alice").resource("order/1042").build());
		AuditEvent event = this.written.get(0);
		assertThat(event.timestamp()).isEqualTo(NOW);
		assertThat(event.tenant()).isEqualTo("acme");
		assertThat(event.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(event.spanId()).isEqualTo("00f067aa0ba902b7");
		assertThat(this.registry.get(AuditLogger.EVENTS_METER).tags("type", "order.refund", "outcome", "success")
			.counter().count()).isEqualTo(1);
	}

	@Test
	void secretsAreMaskedBeforeTheSinkSeesThem() {
		this.audit.log(AuditEvent.builder("payment")
			.failure("card 4111 1111 1111 1111 declined")
			.metadata("password", "hunter2")
			.metadata("note", "token in text 5500000000000004")
			.build());
		AuditEvent event = this.written.get(0);
		assertThat(event.reason()).isEqualTo("card ****1111 declined");
		assertThat(event.metadata()).containsEntry("password", "****").containsEntry("note", "token in text ****0004");
		assertThat(this.registry.get(AuditLogger.EVENTS_METER).tag("outcome", "failure").counter().count()).isEqualTo(1);
	}

	@Test
	void failingSinkIsCountedNotThrownIntoDomainCode() {
		AuditLogger failing = logger((event) -> {
			throw new IllegalStateException("disk full");
		});
		assertThatNoException().isThrownBy(() -> failing.log(AuditEvent.builder("login").build()));
		assertThat(this.registry.get(AuditLogger.FAILURES_METER).counter().count()).isEqualTo(1);
		assertThat(this.registry.find(AuditLogger.EVENTS_METER).counters()).isEmpty();
	}

	@Test
	void invalidEventsAreRejectedNamingTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.audit.log(null)).withMessageContaining("'event'");
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEvent.builder(" ").build())
			.withMessageContaining("'type'");
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEvent.builder("x").outcome(null).build())
			.withMessageContaining("'outcome'");
		AuditEvent.Builder huge = AuditEvent.builder("x");
		for (int i = 0; i <= AuditEvent.MAX_METADATA_ENTRIES; i++) {
			huge.metadata("k" + i, "v");
		}
		assertThatIllegalArgumentException().isThrownBy(huge::build).withMessageContaining("'metadata'");
		assertThat(this.written).isEmpty();
	}

}
