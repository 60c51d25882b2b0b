package dev.vantage.observability.rum;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.errors.ErrorFingerprinter;
import dev.vantage.observability.errors.ErrorLimits;
import dev.vantage.observability.errors.ErrorTracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RumIntakeTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RumMetrics metrics = new RumMetrics(this.registry, List.of("/", "/products/{id}"));

	private final RumIntake intake = new RumIntake(this.metrics, List.of("https://www.example.com/"), 3,
			Duration.ofMinutes(1), 100, CLOCK);

	@Test
	void rejectionCountersExistAtZeroForEveryReason() {
		assertThat(this.registry.find("rum.beacons.rejected").counters()).hasSize(5)
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
		assertThat(this.registry.find("rum.beacons.rejected").tag("reason", "rate_limited").counter()).isNotNull();
	}

	@Test
	void errorDetailsAreGroupedByMessageAndTopFrameWithinBounds() {
		ErrorTracker tracker = new ErrorTracker(this.registry, new ErrorFingerprinter(List.of()), List.of(),
				new AuditMasker(AuditMasker.DEFAULT_MASKED_KEYS, false), "1.0", new ErrorLimits(10, 10, 10, 100),
				CLOCK);
		RumIntake intake = new RumIntake(this.metrics, List.of(), 3, Duration.ofMinutes(1), 100, CLOCK, tracker);
		intake.record(new Beacon("/products/{id}", false, 3, List.of(),
				List.of(new Beacon.ErrorDetail("TypeError: x.price is undefined for item 17", "at render (/app.js:1:2)", 2),
						new Beacon.ErrorDetail("TypeError: x.price is undefined for item 99", "at render (/app.js:1:9)", 1),
						new Beacon.ErrorDetail("Error: bad", "", 0))));
		assertThat(tracker.groups()).singleElement().satisfies((group) -> {
			assertThat(group.count()).isEqualTo(3);
			assertThat(group.where()).isEqualTo("/products/{id}");
			assertThat(group.exception()).isEqualTo("TypeError");
		});
		assertThat(this.registry.get("errors").tags("source", "rum", "exception", "TypeError", "handled", "false")
			.counter().count()).isEqualTo(3);
		intake.record(new Beacon("/", false, 0, List.of(), java.util.Collections.nCopies(RumIntake.MAX_ERROR_DETAILS + 1,
				new Beacon.ErrorDetail("Error: flood", "", 1))));
		assertThat(tracker.groups()).hasSize(1);
		assertThat(this.registry.get("rum.beacons.rejected").tag("reason", "invalid_value").counter().count())
			.isEqualTo(2);
	}

	@Test
	void vitalsAreRecordedInSecondsWithBucketsAtTheirThresholds() {
		this.intake.record(new Beacon("/products/{id}", true, 2, List.of(new Beacon.Measurement("LCP", 2400),
				new Beacon.Measurement("INP", 120), new Beacon.Measurement("CLS", 0.12))));
		Timer lcp = this.registry.get("rum.web.vitals").tags("metric", "lcp", "page", "/products/{id}").timer();
		assertThat(lcp.count()).isEqualTo(1);
		assertThat(lcp.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2400);
		assertThat(lcp.takeSnapshot().histogramCounts()).extracting((bucket) -> bucket.bucket(TimeUnit.SECONDS))
			.contains(0.2, 0.5, 0.8, 1.8, 2.5, 3.0, 4.0);
		assertThat(this.registry.get("rum.cls").tag("page", "/products/{id}").summary().totalAmount()).isEqualTo(120);
		assertThat(this.registry.get("rum.page.views").tag("page", "/products/{id}").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("rum.js.errors").tag("page", "/products/{id}").counter().count()).isEqualTo(2);
	}

	@Test
	void unknownRepeatedAndImplausibleValuesAreDroppedAndCounted() {
		this.intake.record(new Beacon("/", false, 0,
				List.of(new Beacon.Measurement("FID", 10), new Beacon.Measurement("LCP", 900),
						new Beacon.Measurement("LCP", 950), new Beacon.Measurement("TTFB", -1),
						new Beacon.Measurement("FCP", Double.NaN), new Beacon.Measurement("INP", 1e300),
						new Beacon.Measurement("CLS", 11))));
		assertThat(rejected("invalid_value")).isEqualTo(6);
		assertThat(this.registry.get("rum.web.vitals").tags("metric", "lcp", "page", "/").timer().count()).isEqualTo(1);
		assertThat(this.registry.get("rum.web.vitals").tags("metric", "ttfb", "page", "/").timer().count()).isZero();
		assertThat(this.registry.get("rum.page.views").tag("page", "/").counter().count()).isZero();
	}

	@Test
	void anErrorCountOutOfRangeIsDroppedAndCounted() {
		this.intake.record(new Beacon("/", true, RumIntake.MAX_ERRORS + 1, List.of()));
		this.intake.record(new Beacon("/", false, -1, List.of()));
		assertThat(rejected("invalid_value")).isEqualTo(2);
		assertThat(this.registry.get("rum.js.errors").tag("page", "/").counter().count()).isZero();
		assertThat(this.registry.get("rum.page.views").tag("page", "/").counter().count()).isEqualTo(1);
	}

	@Test
	void aFloodOfPageNamesLeavesOnlyAllowListedPagesAndOther() {
		for (int i = 0; i < 10_000; i++) {
			this.intake.record(new Beacon("/random/" + i, true, 0, List.of(new Beacon.Measurement("LCP", 500))));
		}
		assertThat(this.registry.find("rum.page.views").counters()).hasSize(1);
		assertThat(this.registry.get("rum.page.views").tag("page", "other").counter().count()).isEqualTo(10_000);
		assertThat(this.registry.getMeters().stream().map(Meter::getId).map((id) -> id.getTag("page")).distinct())
			.containsOnly(null, "other");
	}

	private static final String SELF = "http://shop.example";

	@Test
	void pagesOfTheServiceItselfOrAnAllowedOriginAreAdmitted() {
		assertThat(this.intake.admit("http://shop.example:8080", "shop.example:8080", "198.51.100.1")).isNull();
		assertThat(this.intake.admit("HTTPS://WWW.EXAMPLE.COM", "api.example.com", "198.51.100.2")).isNull();
		assertThat(this.intake.isAllowedCrossOrigin("https://www.example.com")).isTrue();
		assertThat(this.intake.isAllowedCrossOrigin("http://shop.example:8080")).isFalse();
	}

	@Test
	void otherOriginsAreRefusedAndCounted() {
		assertThat(this.intake.admit("https://evil.example", "shop.example", "198.51.100.1")).isEqualTo(Rejection.ORIGIN);
		assertThat(this.intake.admit("null", "shop.example", "198.51.100.1")).isEqualTo(Rejection.ORIGIN);
		assertThat(this.intake.admit("http://shop.example:8081", "shop.example:8080", "198.51.100.1"))
			.isEqualTo(Rejection.ORIGIN);
		assertThat(this.intake.admit("http://[bad", "shop.example", "198.51.100.1")).isEqualTo(Rejection.ORIGIN);
		assertThat(this.intake.admit(null, "shop.example", "198.51.100.1")).as("no origin: not a browser's page")
			.isEqualTo(Rejection.ORIGIN);
		assertThat(rejected("origin")).isEqualTo(5);
	}

	@Test
	void eachClientGetsItsAllowancePerWindow() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.intake.admit(SELF, "shop.example", "198.51.100.1")).isNull();
		}
		assertThat(this.intake.admit(SELF, "shop.example", "198.51.100.1")).isEqualTo(Rejection.RATE_LIMITED);
		assertThat(this.intake.admit(SELF, "shop.example", "198.51.100.2")).isNull();
		assertThat(rejected("rate_limited")).isEqualTo(1);
	}

	@Test
	void aFloodOfClientAddressesCannotUseUpTheBoundForEveryoneAfterIt() {
		// First come, never evicted, the first 100 addresses filled the bound and every later visitor was refused.
		int refused = 0;
		for (int i = 0; i < 100_000; i++) {
			if (this.intake.admit(SELF, "shop.example", "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255)) != null) {
				refused++;
			}
			if (i % 20 == 0) {
				this.intake.admit(SELF, "shop.example", "203.0.113.9");
			}
		}
		assertThat(this.intake.trackedClients()).isEqualTo(100);
		assertThat(refused).as("newcomers refused").isZero();
		assertThat(this.intake.admit(SELF, "shop.example", "203.0.113.9")).as("a client over its rate during the flood")
			.isNotNull();
	}


	@Test
	void invalidArgumentsNameTheParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RumIntake(this.metrics, List.of(), 0, Duration.ofMinutes(1), 1, CLOCK))
			.withMessage("'maxBeacons' must be at least 1, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RumIntake(this.metrics, List.of(), 1, Duration.ZERO, 1, CLOCK))
			.withMessage("'window' must be positive, was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> this.intake.record(null))
			.withMessage("'beacon' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new Beacon(null, true, 0, List.of()))
			.withMessage("'page' must not be null");
	}

	private double rejected(String reason) {
		return this.registry.get("rum.beacons.rejected").tag("reason", reason).counter().count();
	}

}
