package dev.vantage.observability.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnObservabilityEnabled}.
 */
class OnObservabilityEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		if (!isEnabled(environment, "")) {
			return ConditionOutcome.noMatch(ObservabilityProperties.ENABLED + " is false");
		}
		Map<String, Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnObservabilityEnabled.class.getName());
		String prefix = (attributes != null) ? (String) attributes.get("value") : "";
		if (prefix == null || prefix.isEmpty()) {
			return ConditionOutcome.match(ObservabilityProperties.ENABLED + " is not false");
		}
		String property = prefix + ".enabled";
		return isEnabled(environment, prefix) ? ConditionOutcome.match(property + " is not false")
				: ConditionOutcome.noMatch(property + " is false");
	}

	/**
	 * Tells whether Vantage and, if a prefix is given, one concern are switched on; read by
	 * the condition and by the environment post-processor alike.
	 * @param environment the environment
	 * @param prefix the concern's properties prefix, or empty for the global switch only
	 * @return whether it is on
	 */
	static boolean isEnabled(Environment environment, String prefix) {
		return environment.getProperty(ObservabilityProperties.ENABLED, Boolean.class, true)
				&& (prefix.isEmpty() || environment.getProperty(prefix + ".enabled", Boolean.class, true));
	}

}
