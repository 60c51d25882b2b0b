package dev.vantage.observability.errors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;

/**
 * The groups kept for one kind of source, at most {@code maxGroups}: when a new group comes
 * and all are taken, the one seen least recently is forgotten (its meters stay, bounded by the
 * cardinality guard). A group seen before is found without a lock or an allocation.
 */
final class ErrorGroups {

	private final int maxGroups;

	private final AtomicReferenceArray<@Nullable ErrorGroup> recent;

	private final Map<Long, ErrorGroup> groups = new HashMap<>();

	private long evicted;

	ErrorGroups(int maxGroups) {
		if (maxGroups < 1) {
			throw new IllegalArgumentException("'maxGroups' must be at least 1, was " + maxGroups);
		}
		this.maxGroups = maxGroups;
		this.recent = new AtomicReferenceArray<>(Integer.highestOneBit(maxGroups * 4 - 1) << 1);
	}

	@Nullable ErrorGroup find(long id) {
		ErrorGroup group = this.recent.get(slot(id));
		if (group != null && group.id() == id) {
			return group;
		}
		synchronized (this.groups) {
			return remember(this.groups.get(id));
		}
	}

	/**
	 * Returns the group of an id, creating it (and forgetting the least recently seen group
	 * when all are taken).
	 */
	ErrorGroup get(long id, LongFunction<ErrorGroup> factory) {
		ErrorGroup group = find(id);
		if (group != null) {
			return group;
		}
		synchronized (this.groups) {
			group = this.groups.get(id);
			if (group == null) {
				if (this.groups.size() >= this.maxGroups) {
					evictLeastRecent();
				}
				group = factory.apply(id);
				this.groups.put(id, group);
			}
			return remember(group);
		}
	}

	List<ErrorGroup> all() {
		synchronized (this.groups) {
			return new ArrayList<>(this.groups.values());
		}
	}

	long evicted() {
		synchronized (this.groups) {
			return this.evicted;
		}
	}

	private @Nullable ErrorGroup remember(@Nullable ErrorGroup group) {
		if (group != null) {
			this.recent.set(slot(group.id()), group);
		}
		return group;
	}

	private void evictLeastRecent() {
		ErrorGroup oldest = null;
		for (ErrorGroup group : this.groups.values()) {
			if (oldest == null || group.lastSeen() < oldest.lastSeen()) {
				oldest = group;
			}
		}
		if (oldest != null) {
			this.groups.remove(oldest.id());
			this.recent.compareAndSet(slot(oldest.id()), oldest, null);
			this.evicted++;
		}
	}

	private int slot(long id) {
		return (int) (id ^ (id >>> 32)) & (this.recent.length() - 1);
	}

}
