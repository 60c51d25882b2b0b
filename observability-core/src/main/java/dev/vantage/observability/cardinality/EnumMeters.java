package dev.vantage.observability.cardinality;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * One meter per value of an enum-valued tag, registered when the value is first used so
 * that only outcomes or statuses that happened become series. Lookup is an array read.
 *
 * @param <E> the enum of the tag
 * @param <M> the meter
 */
public final class EnumMeters<E extends Enum<E>, M> {

	private final Function<E, M> factory;

	private final AtomicReferenceArray<M> meters;

	/**
	 * Creates the holder.
	 * @param type the enum type
	 * @param factory registers the meter of one value
	 */
	public EnumMeters(Class<E> type, Function<E, M> factory) {
		this.factory = factory;
		this.meters = new AtomicReferenceArray<>(type.getEnumConstants().length);
	}

	/**
	 * Returns the meter of a value, registering it on first use.
	 * @param value the enum value
	 * @return its meter
	 */
	public M get(E value) {
		M meter = this.meters.get(value.ordinal());
		if (meter == null) {
			// Registries return the existing meter for the same id, so a race registers once.
			meter = this.factory.apply(value);
			this.meters.set(value.ordinal(), meter);
		}
		return meter;
	}

}
