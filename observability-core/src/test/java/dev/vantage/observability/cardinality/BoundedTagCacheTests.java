package dev.vantage.observability.cardinality;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

}
