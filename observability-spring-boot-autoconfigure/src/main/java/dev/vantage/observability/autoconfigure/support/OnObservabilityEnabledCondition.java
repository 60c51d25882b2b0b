package dev.vantage.observability.autoconfigure.support;

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
		if (!VantageProperties.isEnabled(environment, "")) {
			return ConditionOutcome.noMatch(VantageProperties.ENABLED + " is false");
		}
		Map<String, Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnObservabilityEnabled.class.getName());
		String prefix = (attributes != null) ? (String) attributes.get("value") : "";
		if (prefix == null || prefix.isEmpty()) {
			return ConditionOutcome.match(VantageProperties.ENABLED + " is not false");
		}
		String property = prefix + ".enabled";
		return VantageProperties.isEnabled(environment, prefix) ? ConditionOutcome.match(property + " is not false")
				: ConditionOutcome.noMatch(property + " is false");
	}

}
