package dev.vantage.observability.autoconfigure.business;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Business meters recorded through {@code BusinessMetrics}, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageBusinessProperties.PREFIX)
public class VantageBusinessProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.business";

	/** Whether the BusinessMetrics bean records into the meter registry. */
	private boolean enabled = true;

	/**
	 * Funnels and their steps in order, for example
	 * observability.business.funnels.checkout=view,cart,checkout,paid.
	 */
	private Map<String, List<String>> funnels = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, List<String>> getFunnels() {
		return this.funnels;
	}

	public void setFunnels(Map<String, List<String>> funnels) {
		funnels.forEach((funnel, steps) -> {
			String property = "'" + PREFIX + ".funnels." + funnel + "'";
			if (steps.isEmpty() || steps.stream().anyMatch(String::isBlank)) {
				throw new IllegalArgumentException(property + " must list its steps, none of them blank");
			}
			if (steps.stream().distinct().count() != steps.size()) {
				throw new IllegalArgumentException(property + " must not repeat a step, was " + steps);
			}
		});
		this.funnels = funnels;
	}

}
