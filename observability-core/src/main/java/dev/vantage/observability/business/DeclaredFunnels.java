package dev.vantage.observability.business;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The funnels declared in configuration, with one value per step; asking for an undeclared
 * funnel or step is an argument error naming what is declared.
 *
 * @param <T> the value kept per step
 */
final class DeclaredFunnels<T> {

	private final Map<String, Map<String, T>> steps = new LinkedHashMap<>();

	DeclaredFunnels(Map<String, List<String>> funnels, BiFunction<String, String, T> factory) {
		funnels.forEach((funnel, names) -> {
			Map<String, T> values = new LinkedHashMap<>();
			names.forEach((step) -> values.put(step, factory.apply(funnel, step)));
			this.steps.put(funnel, Map.copyOf(values));
		});
	}

	T get(String funnel, String step) {
		Map<String, T> values = this.steps.get(funnel);
		if (values == null) {
			throw new IllegalArgumentException(
					"'funnel' must be a declared funnel " + this.steps.keySet() + ", was '" + funnel + "'");
		}
		T value = values.get(step);
		if (value == null) {
			throw new IllegalArgumentException(
					"'step' must be a step of funnel '" + funnel + "' " + values.keySet() + ", was '" + step + "'");
		}
		return value;
	}

}
