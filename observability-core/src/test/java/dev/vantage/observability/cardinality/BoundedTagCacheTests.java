package dev.vantage.observability.cardinality;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedTagCacheTests {

	private final CardinalityGuard guard = new CardinalityGuard(2, 100, List.of());

	private final AtomicInteger created = new AtomicInteger();

	private final BoundedTagCache<String> cache = new BoundedTagCache<>(2,
			this.guard.overflowRecorder("business.signups", "tenant"), (value) -> {
				this.created.incrementAndGet();
				return "entry:" + value;
			});

	@Test
	void valueSeenBeforeReturnsTheSameEntry() {
		assertThat(this.cache.get("acme")).isSameAs(this.cache.get("acme"));
		assertThat(this.created).hasValue(1);
	}

	@Test
	void newValuesPastTheBoundShareTheOtherEntryAndAreCounted() {
		this.cache.get("a");
		this.cache.get("b");
		assertThat(this.cache.get("c")).isEqualTo("entry:other");
		assertThat(this.cache.get("d")).isEqualTo("entry:other");
		assertThat(this.cache.size()).isEqualTo(2);
		assertThat(this.guard.overflowRecorder("business.signups", "tenant").count()).isEqualTo(2);
	}

	@Test
	void millionDistinctValuesKeepTheCacheBounded() {
		for (int i = 0; i < 1_000_000; i++) {
			this.cache.get("tenant-" + i);
		}
		assertThat(this.cache.size()).isEqualTo(2);
		assertThat(this.created).hasValue(3);
	}

	@Test
	void rawValuesAreSanitizedBeforeTheyBecomeEntries() {
		assertThat(this.cache.get("  acme\r\n")).isEqualTo("entry:acme");
		assertThat(this.cache.get("acme")).isEqualTo("entry:acme");
		assertThat(this.cache.get(null)).isEqualTo("entry:none");
		assertThat(this.cache.size()).isEqualTo(2);
	}

	@Test
	void junkSeenOnceAfterARestartCannotKeepTenantsWithTrafficOut() {
		Frequent frequent = new Frequent(5);
		for (int i = 0; i < 10_000; i++) {
			frequent.request("junk-" + i);
			if (i % 50 == 0) {
				frequent.request("acme");
				frequent.request("globex");
			}
		}
		assertThat(frequent.count("acme")).isGreaterThan(190);
		assertThat(frequent.count("globex")).isGreaterThan(190);
		assertThat(frequent.registry.find("business.signups").counters()).hasSizeLessThanOrEqualTo(6);
	}

	@Test
	void tenantsWithTrafficKeepTheirSeriesThroughAJunkFlood() {
		Frequent frequent = new Frequent(5);
		for (int i = 0; i < 1_000; i++) {
			frequent.request("acme");
			frequent.request("globex");
		}
		for (int i = 0; i < 10_000; i++) {
			// Each junk value twice in a row: more than once, yet far less than a real tenant.
			frequent.request("junk-" + i);
			frequent.request("junk-" + i);
			if (i % 100 == 0) {
				frequent.request("acme");
				frequent.request("globex");
			}
		}
		assertThat(frequent.count("acme")).isEqualTo(1_100);
		assertThat(frequent.count("globex")).isEqualTo(1_100);
		assertThat(frequent.cache.size()).isEqualTo(5);
	}

	@Test
	void aReplacedValueLeavesTheRegistryAndTheGuardBudget() {
		Frequent frequent = new Frequent(2);
		frequent.request("once-a");
		frequent.request("once-b");
		for (int i = 0; i < 3; i++) {
			frequent.request("acme");
		}
		assertThat(frequent.registry.find("business.signups").tag("tenant", "acme").counter()).isNotNull();
		assertThat(frequent.registry.find("business.signups").counters()).hasSize(3);
		assertThat(frequent.cache.size()).isEqualTo(2);
	}

	@Test
	void valuesSharingAHashCodeDoNotAddUpToAFrequency() {
		Frequent frequent = new Frequent(2);
		for (int i = 0; i < 20; i++) {
			frequent.request("acme");
			frequent.request("globex");
		}
		// "Aa" and "BB" share String.hashCode, so do all their concatenations.
		for (int i = 0; i < 1 << 10; i++) {
			StringBuilder value = new StringBuilder();
			for (int bit = 0; bit < 10; bit++) {
				value.append(((i >> bit) & 1) == 0 ? "Aa" : "BB");
			}
			frequent.request(value.toString());
		}
		assertThat(frequent.count("acme")).isEqualTo(20);
		assertThat(frequent.count("globex")).isEqualTo(20);
	}

	/** A frequency-aware cache of counters behind a guard, as the tenant meters use it. */
	private static final class Frequent {

		final MeterRegistry registry = new SimpleMeterRegistry();

		final BoundedTagCache<Counter> cache;

		Frequent(int max) {
			CardinalityGuard guard = new CardinalityGuard(max, 1_000, List.of("business."));
			this.registry.config().meterFilter(guard);
			guard.bindTo(this.registry);
			this.cache = new BoundedTagCache<>(max, guard.overflowRecorder("business.signups", "tenant"),
					this.registry, (tenant) -> Counter.builder("business.signups").tag("tenant", tenant)
						.register(this.registry));
		}

		void request(String tenant) {
			this.cache.get(tenant).increment();
		}

		double count(String tenant) {
			Counter counter = this.registry.find("business.signups").tag("tenant", tenant).counter();
			return (counter != null) ? counter.count() : 0;
		}

	}

}
