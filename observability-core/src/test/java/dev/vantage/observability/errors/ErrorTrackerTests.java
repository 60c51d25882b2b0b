package dev.vantage.observability.errors;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.cardinality.CardinalityGuard;

import static dev.vantage.observability.errors.ErrorFingerprinterTests.error;
import static dev.vantage.observability.errors.ErrorFingerprinterTests.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ErrorTrackerTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private ErrorTracker tracker(int maxGroups, ErrorGrouping... groupings) {
		return new ErrorTracker(this.registry, new ErrorFingerprinter(List.of("com.example.shop")), List.of(groupings),
				new AuditMasker(AuditMasker.DEFAULT_MASKED_KEYS, false), "1.4.2",
				new ErrorLimits(maxGroups, 5, 8, 120), CLOCK);
	}

	@Test
	void tenThousandMessagesOfOneExceptionAreOneGroupCountedByOutcome() {
		ErrorTracker tracker = tracker(10);
		for (int i = 0; i < 10_000; i++) {
			tracker.recordHttp(paymentFailure("payment " + i + " declined"), i % 2 == 0, 502, "/checkout", "trace-" + i);
		}
		assertThat(tracker.groups()).hasSize(1);
		ErrorGroup group = tracker.groups().get(0);
		assertThat(group.count()).isEqualTo(10_000);
		assertThat(group.message()).isEqualTo("payment 0 declined");
		assertThat(group.lastTraceId()).isEqualTo("trace-9999");
		assertThat(group.where()).isEqualTo("/checkout");
		assertThat(group.version()).isEqualTo("1.4.2");
		assertThat(group.exception()).isEqualTo("java.lang.IllegalStateException");
		assertThat(count(group, "http", "true")).isEqualTo(5_000);
		assertThat(count(group, "http", "false")).isEqualTo(5_000);
		assertThat(this.registry.get(ErrorTracker.METER).counters()).hasSize(2);
	}

	@Test
	void aSampleStackTraceIsBoundedAndMarksApplicationFrames() {
		Throwable error = paymentFailure("declined");
		error.initCause(error(new java.io.IOException("gateway said card 4111 1111 1111 1111 is bad"),
				frame("java.net.Socket", "read", 1)));
		ErrorGroup group = tracker(10).recordHttp(error, false, 500, null, null);
		assertThat(group.stackTrace()).hasSizeLessThanOrEqualTo(8 + 1);
		assertThat(group.stackTrace().get(0)).isEqualTo(new ErrorGroup.Frame("com.example.shop.Checkout.pay(Checkout.java:42)", true));
		assertThat(group.stackTrace()).contains(new ErrorGroup.Frame(
				"Caused by: java.io.IOException: gateway said card ****1111 is bad", false));
		assertThat(group.rootCause()).isEqualTo("java.io.IOException");
	}

	@Test
	void messagesAreMaskedAndBounded() {
		ErrorGroup group = tracker(10).recordHttp(paymentFailure(
				"user alice@example.com token=abc123 card 4111111111111111 Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig "
						+ "x".repeat(500)), false, 500, null, null);
		assertThat(group.message()).contains("user **** token=**** card ****1111 Bearer ****")
			.doesNotContain("alice", "abc123", "eyJ")
			.hasSizeLessThanOrEqualTo(120 + 3);
	}

	@Test
	void aHugeMessageIsMaskedAcrossTheCutAndBounded() {
		String message = "x".repeat(110) + " card 4111 1111 1111 1111 " + "y".repeat(1_000_000);
		String masked = tracker(10).maskMessage(message);
		assertThat(masked).hasSize(120 + 3).doesNotContain("4111 1111").contains("****1111".substring(0, 4));
	}

	@Test
	void aHundredThousandExceptionTypesEndInTheCapWithMemoryFlat() {
		CardinalityGuard guard = new CardinalityGuard(20, 2000, List.of(ErrorTracker.METER));
		this.registry.config().meterFilter(guard);
		guard.bindTo(this.registry);
		ErrorTracker tracker = tracker(50);
		for (int i = 0; i < 100_000; i++) {
			tracker.recordLog(new Synthetic("com.example.shop.Failure" + i), Synthetic.ACCESS, "jobs", true, null);
		}
		assertThat(tracker.groups()).hasSize(50);
		assertThat(tracker.evictedGroups()).isEqualTo(100_000 - 50);
		assertThat(this.registry.get(ErrorTracker.METER).counters()).hasSizeLessThanOrEqualTo(21);
		assertThat(this.registry.get(ErrorTracker.METER).tag("fingerprint", "other").tag("exception", "other").counter()
			.count()).isEqualTo(100_000 - 20);
		assertThat(this.registry.get(CardinalityGuard.OVERFLOW_METER).tag("tag", "fingerprint").functionCounter().count())
			.isPositive();
	}

	@Test
	void anExceptionAnHttpRequestRecordedIsNotCountedAgainWhenTheServerLogsIt() {
		ErrorTracker tracker = tracker(10);
		Throwable error = paymentFailure("declined");
		tracker.recordHttp(error, false, 500, "/checkout", null);
		assertThat(tracker.recordLog((Throwable) new RuntimeException("Request processing failed", error),
				ThrowableAccess.THROWABLES, "org.apache.catalina.core.StandardWrapperValve", false, null)).isNull();
		Throwable expected = paymentFailure("declined again");
		tracker.expectHttp(expected);
		assertThat(tracker.recordLog(expected, ThrowableAccess.THROWABLES, "webflux", false, null)).isNull();
		Throwable logged = paymentFailure("logged by a job");
		assertThat(tracker.recordLog(logged, ThrowableAccess.THROWABLES, "com.example.shop.Jobs", true, null)).isNotNull();
		ErrorGroup group = tracker.groups().get(0);
		assertThat(count(group, "http", "false")).isEqualTo(1);
		assertThat(count(group, "log", "true")).isEqualTo(1);
		assertThat(tracker.fingerprint(logged, ThrowableAccess.THROWABLES)).isEqualTo(group.fingerprint());
		assertThat(tracker.group(group.fingerprint())).isSameAs(group);
		assertThat(tracker.group("not-a-group!")).isNull();
	}

	@Test
	void aGroupingKeyOverridesTheStack() {
		ErrorTracker tracker = tracker(10, (error) -> null,
				(error) -> (error instanceof IllegalStateException) ? "payments" : null);
		ErrorGroup first = tracker.recordHttp(paymentFailure("a"), false, 500, null, null);
		ErrorGroup second = tracker.recordHttp(error(new IllegalStateException("b"), frame("com.example.shop.Other", "x", 1)),
				false, 500, null, null);
		assertThat(first).isSameAs(second);
		assertThat(first.fingerprint()).isEqualTo(ErrorFingerprinter.hex(ErrorFingerprinter.fingerprint("payments")));
	}

	@Test
	void browserGroupsAreBoundedApartFromServerGroups() {
		ErrorTracker tracker = tracker(10);
		tracker.recordHttp(paymentFailure("declined"), false, 500, null, null);
		for (int i = 0; i < 1_000; i++) {
			tracker.recordBrowser("/cart", BrowserError.of("TypeError: f" + "x".repeat(i % 50) + " is not a function", ""), 2);
		}
		assertThat(tracker.groups()).hasSize(1 + 5);
		assertThat(tracker.groups()).filteredOn((group) -> group.lastSource() == ErrorSource.HTTP).hasSize(1);
		assertThat(this.registry.get(ErrorTracker.METER).tag("source", "rum").tag("exception", "TypeError").counters())
			.isNotEmpty();
	}

	@Test
	void aFloodOfBrowserErrorsLeavesANewServerErrorItsOwnFingerprint() {
		// The guard's fingerprint budget was shared: ten beacons' groups used it up and a new server
		// group became fingerprint="other", which the new-group alerts leave out.
		SimpleMeterRegistry guarded = new SimpleMeterRegistry();
		CardinalityGuard guard = new CardinalityGuard(10, 2_000, List.of(ErrorTracker.METER));
		guard.partition(ErrorTracker.METER, "source");
		guarded.config().meterFilter(guard);
		ErrorTracker tracker = new ErrorTracker(guarded, new ErrorFingerprinter(List.of("com.example.shop")), List.of(),
				new AuditMasker(AuditMasker.DEFAULT_MASKED_KEYS, false), "1.4.2", new ErrorLimits(100, 100, 8, 120),
				CLOCK);
		for (int i = 0; i < 50; i++) {
			tracker.recordBrowser("/cart", BrowserError.of("TypeError: f" + i + " is not a function", "at f" + i), 1);
		}
		ErrorGroup server = tracker.recordHttp(paymentFailure("declined"), false, 500, null, null);
		assertThat(guarded.get(ErrorTracker.METER).tag("source", "http").counter().getId().getTag("fingerprint"))
			.isEqualTo(server.fingerprint());
		assertThat(guarded.get(ErrorTracker.METER).tag("source", "rum").tag("fingerprint", "other").counter().count())
			.as("the browsers' groups past their own budget").isPositive();
	}

	@Test
	void invalidLimitsNameTheParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ErrorLimits(0, 1, 1, 1))
			.withMessageContaining("'maxGroups'");
		assertThatIllegalArgumentException().isThrownBy(() -> new ErrorLimits(1, 1, 1, 0))
			.withMessageContaining("'messageLength'");
	}

	@Test
	void theExceptionTagIsTheSimpleName() {
		assertThat(ErrorGroup.simpleName("java.lang.IllegalStateException")).isEqualTo("IllegalStateException");
		assertThat(ErrorGroup.simpleName("com.example.Shop$OutOfStock")).isEqualTo("OutOfStock");
		assertThat(ErrorGroup.simpleName("com.example.Shop$1")).isEqualTo("com.example.Shop$1");
	}

	private double count(ErrorGroup group, String source, String handled) {
		Counter counter = this.registry.find(ErrorTracker.METER)
			.tags("fingerprint", group.fingerprint(), "source", source, "handled", handled)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	static Throwable paymentFailure(String message) {
		return error(new IllegalStateException(message), frame("com.example.shop.Checkout", "pay", 42),
				frame("org.springframework.web.Servlet", "service", 1));
	}

	/** An exception of a type that does not exist: only its name, as a logging library's copy. */
	private record Synthetic(String type) {

		static final ThrowableAccess<Synthetic, StackTraceElement[]> ACCESS = new ThrowableAccess<>() {

			@Override
			public String className(Synthetic error) {
				return error.type();
			}

			@Override
			public @Nullable String message(Synthetic error) {
				return null;
			}

			@Override
			public @Nullable Synthetic cause(Synthetic error) {
				return null;
			}

			@Override
			public StackTraceElement[] frames(Synthetic error) {
				return new StackTraceElement[] { ErrorFingerprinterTests.frame(error.type(), "run", 1) };
			}

			@Override
			public int frameCount(StackTraceElement[] frames) {
				return frames.length;
			}

			@Override
			public StackTraceElement frame(StackTraceElement[] frames, int index) {
				return frames[index];
			}

			@Override
			public @Nullable Throwable throwable(Synthetic error) {
				return null;
			}

		};

	}

}
