package dev.vantage.observability.business;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The declaration of a KPI meter of the application's own: its name (under
 * {@code business.}, so the cardinality guard bounds it), one tag whose values are an enum,
 * the {@code tenant} tag, a description and a base unit. Immutable; each setter returns a
 * copy.
 *
 * @param <E> the enum of the tag's values; each becomes its lower-case name
 */
public final class Kpi<E extends Enum<E>> {

	/** The prefix every KPI name starts with. */
	public static final String NAME_PREFIX = "business.";

	private static final Pattern NAME = Pattern.compile("business(\\.[a-z][a-z0-9_]*)+");

	private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9_]*");

	private final String name;

	private final String tagKey;

	private final Class<E> tagValues;

	private final String description;

	private final @Nullable String baseUnit;

	private Kpi(String name, String tagKey, Class<E> tagValues, String description, @Nullable String baseUnit) {
		this.name = name;
		this.tagKey = tagKey;
		this.tagValues = tagValues;
		this.description = description;
		this.baseUnit = baseUnit;
	}

	/**
	 * Declares a KPI.
	 * @param <E> the enum of the tag's values
	 * @param name the meter name, lower-case and dotted under {@code business.}, for
	 * example {@code business.subscriptions}
	 * @param tagKey the tag's key, for example {@code plan}; not {@code tenant}
	 * @param tagValues the enum of the tag's values
	 * @return the declaration
	 */
	public static <E extends Enum<E>> Kpi<E> of(String name, String tagKey, Class<E> tagValues) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"'name' must be lower-case and dotted under '" + NAME_PREFIX + "', was '" + name + "'");
		}
		if (tagKey == null || !TAG.matcher(tagKey).matches() || "tenant".equals(tagKey)) {
			throw new IllegalArgumentException(
					"'tagKey' must be a lower-case tag key other than 'tenant', was '" + tagKey + "'");
		}
		if (tagValues == null || tagValues.getEnumConstants().length == 0) {
			throw new IllegalArgumentException("'tagValues' must be an enum with constants, was " + tagValues);
		}
		return new Kpi<>(name, tagKey, tagValues, name, null);
	}

	/**
	 * Returns a copy with a description.
	 * @param description what the KPI counts or measures
	 * @return the copy
	 */
	public Kpi<E> description(String description) {
		if (description == null || description.isBlank()) {
			throw new IllegalArgumentException("'description' must not be blank");
		}
		return new Kpi<>(this.name, this.tagKey, this.tagValues, description, this.baseUnit);
	}

	/**
	 * Returns a copy with a base unit.
	 * @param baseUnit the unit, for example {@code subscriptions} or {@code seats}
	 * @return the copy
	 */
	public Kpi<E> baseUnit(String baseUnit) {
		if (baseUnit == null || !TAG.matcher(baseUnit).matches()) {
			throw new IllegalArgumentException("'baseUnit' must be a lower-case word, was '" + baseUnit + "'");
		}
		return new Kpi<>(this.name, this.tagKey, this.tagValues, this.description, baseUnit);
	}

	/**
	 * Returns the meter name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the tag's key.
	 * @return the key
	 */
	public String tagKey() {
		return this.tagKey;
	}

	/**
	 * Returns the enum of the tag's values.
	 * @return the enum type
	 */
	public Class<E> tagValues() {
		return this.tagValues;
	}

	/**
	 * Returns the description.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Returns the base unit.
	 * @return the unit, or {@code null} when none was given
	 */
	public @Nullable String baseUnit() {
		return this.baseUnit;
	}

	/** The tag value of each enum constant, computed once. */
	Map<E, String> tagValueNames() {
		Map<E, String> names = new EnumMap<>(this.tagValues);
		for (E value : this.tagValues.getEnumConstants()) {
			names.put(value, value.name().toLowerCase(Locale.ROOT));
		}
		return names;
	}

}
