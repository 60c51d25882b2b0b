package dev.vantage.observability.cardinality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Bounds every guarded meter: at most {@code maxTagValues} distinct values per meter name
 * and tag key (later values become {@value TagValues#OTHER}) and at most
 * {@code maxSeriesPerMeter} series per meter name (later series are denied). Every refusal
 * is counted in {@value #OVERFLOW_METER} and warned about once per meter and tag.
 * <p>
 * Register it as the last filter of a registry, and bind it to the same registry so that
 * the overflow counters are published.
 */
public final class CardinalityGuard implements MeterFilter, MeterBinder {

	/** The counter of refused values and series. */
	public static final String OVERFLOW_METER = "observability.cardinality.overflow";

	/** The {@code tag} value of {@value #OVERFLOW_METER} when a whole series was denied. */
	public static final String SERIES_TAG = "_series";

	private final int maxTagValues;

	private final int maxSeriesPerMeter;

	private final String[] guardedPrefixes;

	private final Map<String, MeterState> meters = new ConcurrentHashMap<>();

	/** Meter names whose budget is kept apart per value of one tag: name to tag key. */
	private final Map<String, String> partitions = new ConcurrentHashMap<>();

	private final Map<String, Map<String, OverflowRecorder>> overflows = new ConcurrentHashMap<>();

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	/**
	 * Creates a guard.
	 * @param maxTagValues distinct values kept per meter name and tag key, at least 1
	 * @param maxSeriesPerMeter series kept per meter name, at least 1
	 * @param guardedPrefixes meter name prefixes the guard applies to
	 */
	public CardinalityGuard(int maxTagValues, int maxSeriesPerMeter, List<String> guardedPrefixes) {
		if (maxTagValues < 1) {
			throw new IllegalArgumentException("'maxTagValues' must be at least 1, was " + maxTagValues);
		}
		if (maxSeriesPerMeter < 1) {
			throw new IllegalArgumentException("'maxSeriesPerMeter' must be at least 1, was " + maxSeriesPerMeter);
		}
		this.maxTagValues = maxTagValues;
		this.maxSeriesPerMeter = maxSeriesPerMeter;
		this.guardedPrefixes = guardedPrefixes.toArray(String[]::new);
	}

	/**
	 * Returns the number of distinct values kept per meter name and tag key.
	 * @return the limit
	 */
	public int maxTagValues() {
		return this.maxTagValues;
	}

	/**
	 * Tells whether the guard applies to a meter name.
	 * @param name the meter name
	 * @return {@code true} when meters of that name are bounded
	 */
	public boolean guards(String name) {
		if (name.equals(OVERFLOW_METER)) {
			return false;
		}
		for (String prefix : this.guardedPrefixes) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Keeps the budget of a meter apart for each value of one of its tags: values and series
	 * of one partition never count against another, so the callers behind one value (browsers
	 * reporting JavaScript errors, say) cannot use up the budget of the others (the server's own
	 * errors). The partition tag's own values are bounded by the meter's producer. Call it before
	 * the meter is first registered.
	 * @param meter the meter name
	 * @param tagKey the tag whose values each get a budget of their own
	 */
	public void partition(String meter, String tagKey) {
		this.partitions.put(meter, tagKey);
	}

	/** The meter name, or the name and the partition tag's value when the meter is partitioned. */
	private String budget(String name, Meter.Id id) {
		String partitionTag = this.partitions.isEmpty() ? null : this.partitions.get(name);
		if (partitionTag == null) {
			return name;
		}
		String value = id.getTag(partitionTag);
		return (value != null) ? name + '\u0000' + value : name;
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		String name = id.getName();
		if (!guards(name)) {
			return id;
		}
		MeterState state = this.meters.computeIfAbsent(budget(name, id), (key) -> new MeterState());
		List<Tag> tags = id.getTags();
		List<Tag> bounded = null;
		for (int i = 0; i < tags.size(); i++) {
			Tag tag = tags.get(i);
			if (!state.admitValue(tag.getKey(), tag.getValue(), this.maxTagValues)) {
				if (bounded == null) {
					bounded = new ArrayList<>(tags);
				}
				bounded.set(i, Tag.of(tag.getKey(), TagValues.OTHER));
				overflowRecorder(name, tag.getKey()).record();
			}
		}
		Tags series = Tags.of((bounded != null) ? bounded : tags);
		if (!state.admitSeries(series, this.maxSeriesPerMeter)) {
			overflowRecorder(name, SERIES_TAG).record();
		}
		return (bounded != null) ? id.replaceTags(series) : id;
	}

	@Override
	public MeterFilterReply accept(Meter.Id id) {
		MeterState state = guards(id.getName()) ? this.meters.get(budget(id.getName(), id)) : null;
		if (state == null) {
			return MeterFilterReply.NEUTRAL;
		}
		return state.hasSeries(Tags.of(id.getTagsAsIterable())) ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
	}

	/**
	 * Returns the recorder of refusals for one meter name and tag key, creating and
	 * publishing it on first use. Typed meter caches use it to count their own overflow.
	 * @param meter the meter name
	 * @param tag the tag key, or {@value #SERIES_TAG}
	 * @return the recorder
	 */
	public OverflowRecorder overflowRecorder(String meter, String tag) {
		Map<String, OverflowRecorder> byTag = this.overflows.computeIfAbsent(meter, (key) -> new ConcurrentHashMap<>());
		OverflowRecorder recorder = byTag.get(tag);
		if (recorder != null) {
			return recorder;
		}
		OverflowRecorder created = new OverflowRecorder(meter, tag,
				SERIES_TAG.equals(tag) ? this.maxSeriesPerMeter + " series" : this.maxTagValues + " values");
		recorder = byTag.putIfAbsent(tag, created);
		if (recorder != null) {
			return recorder;
		}
		// Registered outside of any map function: a registry may be calling this filter.
		this.registries.forEach((registry) -> publish(created, registry));
		return created;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		registry.config().onMeterRemoved(this::forget);
		this.overflows.values().forEach((byTag) -> byTag.values().forEach((recorder) -> publish(recorder, registry)));
	}

	/** Frees the budget a removed meter used, so that a replaced tag value makes room. */
	private void forget(Meter meter) {
		Meter.Id id = meter.getId();
		MeterState state = guards(id.getName()) ? this.meters.get(budget(id.getName(), id)) : null;
		if (state != null) {
			state.forget(Tags.of(id.getTagsAsIterable()));
		}
	}

	private static void publish(OverflowRecorder recorder, MeterRegistry registry) {
		FunctionCounter.builder(OVERFLOW_METER, recorder, OverflowRecorder::count)
			.tags("meter", recorder.meter(), "tag", recorder.tag())
			.description("Tag values or series refused by the cardinality guard (limit " + recorder.limit() + ")")
			.register(registry);
	}

	/** What the guard has admitted for one meter name: values per tag key with their series count. */
	private static final class MeterState {

		private final Map<String, Map<String, Integer>> values = new ConcurrentHashMap<>();

		private final Set<Tags> series = ConcurrentHashMap.newKeySet();

		boolean admitValue(String key, String value, int max) {
			if (TagValues.OTHER.equals(value)) {
				return true;
			}
			Map<String, Integer> admitted = this.values.computeIfAbsent(key, (k) -> new HashMap<>());
			synchronized (admitted) {
				if (admitted.containsKey(value)) {
					return true;
				}
				if (admitted.size() < max) {
					admitted.put(value, 0);
					return true;
				}
				return false;
			}
		}

		boolean admitSeries(Tags tags, int max) {
			if (this.series.contains(tags)) {
				return true;
			}
			synchronized (this.series) {
				if (this.series.contains(tags)) {
					return true;
				}
				if (this.series.size() >= max) {
					return false;
				}
				this.series.add(tags);
				count(tags, 1);
				return true;
			}
		}

		void forget(Tags tags) {
			synchronized (this.series) {
				if (this.series.remove(tags)) {
					count(tags, -1);
				}
			}
		}

		/** A value whose last series is removed leaves the budget. */
		private void count(Tags tags, int delta) {
			for (Tag tag : tags) {
				Map<String, Integer> admitted = this.values.get(tag.getKey());
				if (admitted != null) {
					synchronized (admitted) {
						Integer count = admitted.get(tag.getValue());
						if (count != null) {
							if (count + delta <= 0 && delta < 0) {
								admitted.remove(tag.getValue());
							}
							else {
								admitted.put(tag.getValue(), count + delta);
							}
						}
					}
				}
			}
		}

		boolean hasSeries(Tags tags) {
			return this.series.contains(tags);
		}

	}

}
