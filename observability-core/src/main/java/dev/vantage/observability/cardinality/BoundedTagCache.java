package dev.vantage.observability.cardinality;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A cache of meters (or groups of meters) keyed by one free-text tag value, bounded to a
 * number of distinct values. A value seen before costs one hash lookup and no allocation;
 * a new value past the bound returns the {@value TagValues#OTHER} entry, counts the
 * overflow and registers nothing, so hostile input cannot grow memory or series.
 *
 * @param <T> the cached meter or meter group
 */
public final class BoundedTagCache<T> {

	private final Map<String, T> entries = new ConcurrentHashMap<>();

	private final Function<String, T> factory;

	private final int maxValues;

	private final OverflowRecorder overflow;

	private volatile boolean full;

	private volatile @Nullable T other;

	/**
	 * Creates a cache.
	 * @param maxValues distinct values kept before falling back to {@value TagValues#OTHER}
	 * @param overflow where refused values are counted
	 * @param factory creates the entry of a sanitized tag value
	 */
	public BoundedTagCache(int maxValues, OverflowRecorder overflow, Function<String, T> factory) {
		if (maxValues < 1) {
			throw new IllegalArgumentException("'maxValues' must be at least 1, was " + maxValues);
		}
		this.maxValues = maxValues;
		this.overflow = overflow;
		this.factory = factory;
	}

	/**
	 * Returns the entry of a tag value, creating it while the bound allows.
	 * @param value the raw tag value; {@code null} or blank means {@value TagValues#NONE}
	 * @return the entry of the sanitized value, or the {@value TagValues#OTHER} entry
	 */
	public T get(@Nullable String value) {
		if (value != null) {
			T entry = this.entries.get(value);
			if (entry != null) {
				return entry;
			}
		}
		return miss(value);
	}

	private T miss(@Nullable String raw) {
		String value = TagValues.sanitize(raw);
		if (value != raw) {
			T entry = this.entries.get(value);
			if (entry != null) {
				return entry;
			}
		}
		if (TagValues.OTHER.equals(value)) {
			return other();
		}
		if (!this.full) {
			synchronized (this) {
				T entry = this.entries.get(value);
				if (entry != null) {
					return entry;
				}
				if (this.entries.size() < this.maxValues) {
					entry = this.factory.apply(value);
					this.entries.put(value, entry);
					return entry;
				}
				this.full = true;
			}
		}
		this.overflow.record();
		return other();
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

}
