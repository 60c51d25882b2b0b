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
		if (!environment.getProperty("observability.enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch("observability.enabled is false");
		}
		Map<String, Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnObservabilityEnabled.class.getName());
		String concern = (attributes != null) ? (String) attributes.get("value") : "";
		if (concern == null || concern.isEmpty()) {
			return ConditionOutcome.match("observability.enabled is not false");
		}
		String property = "observability." + concern + ".enabled";
		if (!environment.getProperty(property, Boolean.class, true)) {
			return ConditionOutcome.noMatch(property + " is false");
		}
		return ConditionOutcome.match(property + " is not false");
	}

}
