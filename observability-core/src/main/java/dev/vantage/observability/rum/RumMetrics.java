package dev.vantage.observability.rum;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.vantage.observability.support.Arguments;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The RUM meters: {@code rum.web.vitals} (a timer per vital and page, with a bucket at each
 * vital's "good" and "poor" threshold), {@code rum.cls} (in thousandths), {@code rum.page.views},
 * {@code rum.js.errors} and {@code rum.beacons.rejected}. The {@code page} tag takes only
 * allow-listed route templates and {@value #OTHER}, so the series are bounded by
 * configuration whatever pages report; meters are created once per page and cached.
 */
public final class RumMetrics {

	/** The {@code page} of a page that is not allow-listed. */
	public static final String OTHER = "other";

	/** Buckets of {@code rum.web.vitals}: every threshold of {@link WebVital}, and a few around them for p75. */
	private static final Duration[] VITAL_BUCKETS = { Duration.ofMillis(100), Duration.ofMillis(200),
			Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofSeconds(1), Duration.ofMillis(1800),
			Duration.ofMillis(2500), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(6),
			Duration.ofSeconds(10) };

	/**
	 * CLS is recorded in thousandths: Micrometer's histograms round a recorded amount up to a
	 * whole number, so buckets below 1 would never count (micrometer#3680). These are 0.05,
	 * 0.1 (good), 0.25 (poor), 0.5 and 1.
	 */
	private static final double[] CLS_BUCKETS = { 50, 100, 250, 500, 1000 };

	private final MeterRegistry registry;

	private final Set<String> pages;

	private final Map<String, PageMeters> meters = new ConcurrentHashMap<>();

	private final Map<Rejection, Counter> rejections = new EnumMap<>(Rejection.class);

	/**
	 * Creates the meters; the rejection counters are registered at zero.
	 * @param registry the registry
	 * @param pages the route templates recorded as themselves
	 */
	public RumMetrics(MeterRegistry registry, Collection<String> pages) {
		this.registry = Arguments.requireNonNull(registry, "registry");
		this.pages = Set.copyOf(Arguments.requireNonNull(pages, "pages"));
		for (Rejection reason : Rejection.values()) {
			this.rejections.put(reason, Counter.builder("rum.beacons.rejected")
				.description("RUM beacons, or values in them, that were not recorded")
				.tag("reason", reason.tag())
				.register(registry));
		}
	}

	/**
	 * Returns the {@code page} tag for what a page declared.
	 * @param declared the route template the page declared
	 * @return the template if allow-listed, else {@value #OTHER}
	 */
	public String page(String declared) {
		return this.pages.contains(declared) ? declared : OTHER;
	}

	/**
	 * Records one vital.
	 * @param page an allow-listed page or {@value #OTHER}
	 * @param vital the vital
	 * @param value seconds for a timed vital, unitless for CLS
	 */
	void record(String page, WebVital vital, double value) {
		PageMeters meters = meters(page);
		if (vital.isTimed()) {
			meters.vitals.get(vital).record((long) (value * 1e9), TimeUnit.NANOSECONDS);
		}
		else {
			meters.cls.record(value);
		}
	}

	void viewed(String page) {
		meters(page).views.increment();
	}

	void errors(String page, long errors) {
		meters(page).errors.increment(errors);
	}

	/**
	 * Counts a rejected beacon or value.
	 * @param reason why
	 */
	public void rejected(Rejection reason) {
		this.rejections.get(Arguments.requireNonNull(reason, "reason")).increment();
	}

	private PageMeters meters(String page) {
		PageMeters meters = this.meters.get(page);
		return (meters != null) ? meters : this.meters.computeIfAbsent(page, this::register);
	}

	private PageMeters register(String page) {
		Map<WebVital, Timer> vitals = new EnumMap<>(WebVital.class);
		for (WebVital vital : WebVital.values()) {
			if (vital.isTimed()) {
				vitals.put(vital, Timer.builder("rum.web.vitals")
					.description("Core Web Vitals reported by pages")
					.tags("metric", vital.tag(), "page", page)
					.serviceLevelObjectives(VITAL_BUCKETS)
					.register(this.registry));
			}
		}
		DistributionSummary cls = DistributionSummary.builder("rum.cls")
			.description("Cumulative Layout Shift reported by pages, in thousandths")
			.baseUnit("thousandths")
			.scale(1000)
			.tag("page", page)
			.serviceLevelObjectives(CLS_BUCKETS)
			.register(this.registry);
		Counter views = Counter.builder("rum.page.views")
			.description("Page views reported by pages")
			.tag("page", page)
			.register(this.registry);
		Counter errors = Counter.builder("rum.js.errors")
			.description("Uncaught JavaScript errors and unhandled rejections reported by pages")
			.tag("page", page)
			.register(this.registry);
		return new PageMeters(vitals, cls, views, errors);
	}

	private record PageMeters(Map<WebVital, Timer> vitals, DistributionSummary cls, Counter views, Counter errors) {
	}

}
