package dev.vantage.observability.errors;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.vantage.observability.audit.AuditMasker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ErrorSampleTests {

	private final MutableClock clock = new MutableClock();

	private ErrorTracker tracker(ErrorSampler.Principal principal) {
		return new ErrorTracker(new SimpleMeterRegistry(), new ErrorFingerprinter(List.of("com.example.shop")), List.of(),
				new AuditMasker(AuditMasker.DEFAULT_MASKED_KEYS, false), "1.4.2", new ErrorLimits(10, 5, 8, 120),
				this.clock, new ErrorSampler("staging", principal));
	}

	@Test
	void aSampleMasksTheRequestAndKeepsTheBreadcrumbsOldestFirst() {
		Breadcrumbs crumbs = new Breadcrumbs(3);
		crumbs.add(1, "INFO", "shop", "cart 1 opened");
		crumbs.add(2, "INFO", "shop", "login as alice@example.com");
		crumbs.add(3, "DEBUG", "shop", "token=abc123 refreshed");
		crumbs.add(4, "WARN", "shop", "card 4111 1111 1111 1111 declined");
		ErrorContext context = new ErrorContext("POST", "coupon=X&password=hunter2",
				Map.of("User-Agent", "curl/8 secret=s3cr3t"), "shop-7", "alice", crumbs);
		ErrorGroup group = tracker(ErrorSampler.Principal.HASH).recordHttp(
				ErrorTrackerTests.paymentFailure("declined"), false, 502, "/checkout", "trace-1", context);
		ErrorSample sample = group.sample();
		assertThat(sample).isNotNull();
		assertThat(sample.method()).isEqualTo("POST");
		assertThat(sample.where()).isEqualTo("/checkout");
		assertThat(sample.status()).isEqualTo(502);
		assertThat(sample.traceId()).isEqualTo("trace-1");
		assertThat(sample.query()).isEqualTo("coupon=X&password=****");
		assertThat(sample.headers()).containsEntry("User-Agent", "curl/8 secret=****");
		assertThat(sample.tenant()).isEqualTo("shop-7");
		assertThat(sample.principal()).startsWith("sha256:").hasSize(7 + 16).doesNotContain("alice");
		assertThat(sample.environment()).isEqualTo("staging");
		assertThat(sample.version()).isEqualTo("1.4.2");
		assertThat(sample.breadcrumbs()).as("the last three, oldest first, masked")
			.extracting(Breadcrumbs.Breadcrumb::message)
			.containsExactly("login as ****", "token=**** refreshed", "card ****1111 declined");
		assertThat(sample.breadcrumbs()).extracting(Breadcrumbs.Breadcrumb::time).containsExactly(2L, 3L, 4L);
	}

	@Test
	void aGroupTakesANewSampleAtMostOnceAMinute() {
		ErrorTracker tracker = tracker(ErrorSampler.Principal.MASK);
		ErrorGroup group = tracker.recordHttp(ErrorTrackerTests.paymentFailure("a"), false, 500, "/a", null,
				context("shop-1", "alice"));
		this.clock.advance(ErrorTracker.SAMPLE_INTERVAL_MILLIS - 1);
		tracker.recordHttp(ErrorTrackerTests.paymentFailure("b"), false, 500, "/a", null, context("shop-2", "bob"));
		assertThat(group.sample().tenant()).as("kept within the minute").isEqualTo("shop-1");
		assertThat(group.sample().principal()).isEqualTo("a****");
		this.clock.advance(1);
		tracker.recordHttp(ErrorTrackerTests.paymentFailure("c"), false, 500, "/a", null, context("shop-3", "carol"));
		assertThat(group.sample().tenant()).as("the latest after a minute").isEqualTo("shop-3");
		assertThat(group.sample().principal()).isEqualTo("c****");
		assertThat(group.firstReport()).isTrue();
		assertThat(group.firstReport()).as("once per group").isFalse();
	}

	@Test
	void aPrincipalCanBeLeftOutAndLongValuesAreBounded() {
		String longQuery = "q=" + "x".repeat(1_000);
		ErrorSample sample = tracker(ErrorSampler.Principal.NONE).recordHttp(ErrorTrackerTests.paymentFailure("a"), false,
				500, null, null, new ErrorContext("GET", longQuery, Map.of(), null, "alice", null)).sample();
		assertThat(sample.principal()).isNull();
		assertThat(sample.query()).hasSize(ErrorSampler.VALUE_LENGTH + 3).endsWith("...");
		assertThat(sample.breadcrumbs()).isEmpty();
	}

	@Test
	void aLogErrorTakesASampleWithItsBreadcrumbs() {
		Breadcrumbs crumbs = new Breadcrumbs(5);
		crumbs.add(1, "INFO", "jobs", "export 7 started");
		ErrorGroup group = tracker(ErrorSampler.Principal.HASH).recordLog(ErrorTrackerTests.paymentFailure("a"),
				ThrowableAccess.THROWABLES, "com.example.shop.Jobs", true, null,
				new ErrorContext(null, null, Map.of(), null, null, crumbs));
		assertThat(group.sample().where()).isEqualTo("com.example.shop.Jobs");
		assertThat(group.sample().method()).isNull();
		assertThat(group.sample().breadcrumbs()).extracting(Breadcrumbs.Breadcrumb::message)
			.containsExactly("export 7 started");
	}

	@Test
	void aRingNeedsRoom() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Breadcrumbs(0)).withMessageContaining("'capacity'");
	}

	private static ErrorContext context(String tenant, String principal) {
		return new ErrorContext("GET", null, Map.of(), tenant, principal, null);
	}

	private static final class MutableClock extends Clock {

		private long millis = Instant.parse("2026-12-02T10:00:00Z").toEpochMilli();

		void advance(long by) {
			this.millis += by;
		}

		@Override
		public long millis() {
			return this.millis;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(this.millis);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
