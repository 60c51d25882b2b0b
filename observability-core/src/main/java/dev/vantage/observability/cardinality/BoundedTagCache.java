package dev.vantage.observability.cardinality;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A cache of meters (or groups of meters) keyed by one free-text tag value, bounded to a
 * number of distinct values. A value seen before costs one hash lookup and no allocation;
 * a new value past the bound returns the {@value TagValues#OTHER} entry, counts the
 * overflow and registers nothing, so hostile input cannot grow memory or series.
 * <p>
 * Built with a registry, the cache is frequency-aware: once full, a new value takes the
 * place of the least-used one only when it has been asked for more often (counted in a
 * fixed-size sketch that fades over time), and the meters of the value it replaces are
 * removed from the registry. Values that carry real traffic therefore keep their series
 * whatever arrives first after a restart, and a flood of values seen once or twice, the
 * shape of junk input, cannot displace them.
 *
 * @param <T> the cached meter or meter group
 */
public final class BoundedTagCache<T> {

	/** A value must be asked for at least this often to take the place of another. */
	private static final int MIN_FREQUENCY_TO_REPLACE = 2;

	private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();

	private final Function<String, T> factory;

	private final int maxValues;

	private final OverflowRecorder overflow;

	private final @Nullable MeterRegistry registry;

	private volatile boolean full;

	private volatile @Nullable T other;

	/** Frequencies of values refused while full; created when the cache first fills. */
	private @Nullable FrequencySketch sketch;

	/**
	 * Creates a cache that keeps the first values it sees.
	 * @param maxValues distinct values kept before falling back to {@value TagValues#OTHER}
	 * @param overflow where refused values are counted
	 * @param factory creates the entry of a sanitized tag value
	 */
	public BoundedTagCache(int maxValues, OverflowRecorder overflow, Function<String, T> factory) {
		this(maxValues, overflow, null, factory);
	}

	/**
	 * Creates a frequency-aware cache whose least-used values give way to more frequent
	 * ones.
	 * @param maxValues distinct values kept before falling back to {@value TagValues#OTHER}
	 * @param overflow where refused values are counted; its meter and tag name the meters a
	 * replaced value's meters are found by
	 * @param registry where the meters of a replaced value are removed from, or {@code null}
	 * to keep the first values seen
	 * @param factory creates the entry of a sanitized tag value
	 */
	public BoundedTagCache(int maxValues, OverflowRecorder overflow, @Nullable MeterRegistry registry,
			Function<String, T> factory) {
		if (maxValues < 1) {
			throw new IllegalArgumentException("'maxValues' must be at least 1, was " + maxValues);
		}
		this.maxValues = maxValues;
		this.overflow = overflow;
		this.registry = registry;
		this.factory = factory;
	}

	/**
	 * Returns the entry of a tag value, creating it while the bound allows.
	 * @param value the raw tag value; {@code null} or blank means {@value TagValues#NONE}
	 * @return the entry of the sanitized value, or the {@value TagValues#OTHER} entry
	 */
	public T get(@Nullable String value) {
		if (value != null) {
			Entry<T> entry = this.entries.get(value);
			if (entry != null) {
				return entry.hit();
			}
		}
		return miss(value);
	}

	private T miss(@Nullable String raw) {
		String value = TagValues.sanitize(raw);
		if (value != raw) {
			Entry<T> entry = this.entries.get(value);
			if (entry != null) {
				return entry.hit();
			}
		}
		if (TagValues.OTHER.equals(value)) {
			return other();
		}
		if (!this.full || this.registry != null) {
			synchronized (this) {
				Entry<T> entry = this.entries.get(value);
				if (entry != null) {
					return entry.hit();
				}
				if (this.entries.size() < this.maxValues) {
					return admit(value, 1);
				}
				this.full = true;
				if (this.registry != null) {
					T replacing = replaceLeastUsed(value, this.registry);
					if (replacing != null) {
						return replacing;
					}
				}
			}
		}
		this.overflow.record();
		return other();
	}

	private T admit(String value, int hits) {
		Entry<T> entry = new Entry<>(this.factory.apply(value), hits);
		this.entries.put(value, entry);
		return entry.value;
	}

	/** Called holding the lock when the cache is full. */
	private @Nullable T replaceLeastUsed(String value, MeterRegistry registry) {
		FrequencySketch frequencies = this.sketch;
		if (frequencies == null) {
			frequencies = new FrequencySketch(this.maxValues);
			this.sketch = frequencies;
		}
		int frequency = frequencies.increment(value);
		if (frequencies.aged()) {
			this.entries.values().forEach(Entry::halve);
		}
		if (frequency < MIN_FREQUENCY_TO_REPLACE) {
			return null;
		}
		String victim = null;
		int fewest = Integer.MAX_VALUE;
		for (Map.Entry<String, Entry<T>> candidate : this.entries.entrySet()) {
			int hits = candidate.getValue().hits;
			if (hits < fewest) {
				fewest = hits;
				victim = candidate.getKey();
			}
		}
		if (victim == null || frequency <= fewest) {
			return null;
		}
		this.entries.remove(victim);
		registry.find(this.overflow.meter()).tag(this.overflow.tag(), victim).meters().forEach(registry::remove);
		return admit(value, frequency);
	}

	private T other() {
		T entry = this.other;
		if (entry == null) {
			synchronized (this) {
				entry = this.other;
				if (entry == null) {
					entry = this.factory.apply(TagValues.OTHER);
					this.other = entry;
				}
			}
		}
		return entry;
	}

	/**
	 * Returns the number of distinct values cached, not counting {@value TagValues#OTHER}.
	 * @return the size
	 */
	public int size() {
		return this.entries.size();
	}

	/** A cached value and how often it was asked for (racy on purpose: an estimate). */
	private static final class Entry<T> {

		private final T value;

		private int hits;

		Entry(T value, int hits) {
			this.value = value;
			this.hits = hits;
		}

		T hit() {
			int hits = this.hits;
			if (hits < Integer.MAX_VALUE) {
				this.hits = hits + 1;
			}
			return this.value;
		}

		void halve() {
			this.hits >>>= 1;
		}

	}

	/**
	 * A count-min sketch of four rows of byte counters in fixed memory (32 KB up to 128
	 * values), halved after as many increments as half a row holds (4,096 up to 128
	 * values), which keeps estimates close and lets old traffic fade. Values are hashed
	 * with a seed of this instance, so that callers cannot choose values that share
	 * counters.
	 */
	private static final class FrequencySketch {

		private static final int ROWS = 4;

		private final byte[] counts;

		private final int mask;

		private final int period;

		private final long seed = ThreadLocalRandom.current().nextLong() | 1;

		private int increments;

		private boolean aged;

		FrequencySketch(int maxValues) {
			int width = Integer.highestOneBit(Math.max(8192, maxValues * 64) - 1) << 1;
			this.counts = new byte[ROWS * width];
			this.mask = width - 1;
			this.period = width / 2;
		}

		/** Counts one more request for a value and returns its estimated frequency. */
		int increment(String value) {
			long hash = hash(value);
			int first = (int) hash;
			int step = (int) (hash >>> 32) | 1;
			int width = this.mask + 1;
			int min = Integer.MAX_VALUE;
			for (int row = 0; row < ROWS; row++) {
				min = Math.min(min, this.counts[row * width + ((first + row * step) & this.mask)] & 0xFF);
			}
			// Conservative update: only the counters at the minimum grow, which keeps estimates close.
			for (int row = 0; row < ROWS; row++) {
				int index = row * width + ((first + row * step) & this.mask);
				if ((this.counts[index] & 0xFF) == min && min < 0xFF) {
					this.counts[index] = (byte) (min + 1);
				}
			}
			this.aged = ++this.increments >= this.period;
			if (this.aged) {
				this.increments = 0;
				for (int i = 0; i < this.counts.length; i++) {
					this.counts[i] = (byte) ((this.counts[i] & 0xFF) >>> 1);
				}
			}
			return Math.min(min + 1, 0xFF);
		}

		/** Tells whether the last increment halved the counters. */
		boolean aged() {
			return this.aged;
		}

		private long hash(String value) {
			long hash = this.seed;
			for (int i = 0; i < value.length(); i++) {
				hash = (hash ^ value.charAt(i)) * 0x9E3779B97F4A7C15L;
				hash ^= hash >>> 31;
			}
			return hash ^ (hash >>> 29);
		}

	}

}
