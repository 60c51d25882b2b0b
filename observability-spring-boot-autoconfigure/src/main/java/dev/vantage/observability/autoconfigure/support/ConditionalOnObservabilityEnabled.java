package dev.vantage.observability.autoconfigure.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when Vantage is enabled ({@value VantageProperties#ENABLED}, default true)
 * and, if a concern's properties prefix is given, when {@code <prefix>.enabled} is not
 * false. Each concern passes its properties class's {@code PREFIX}, so the key is spelled
 * once.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnObservabilityEnabledCondition.class)
public @interface ConditionalOnObservabilityEnabled {

	/**
	 * The properties prefix of the concern whose switch must be on as well, empty for the
	 * global switch only.
	 * @return the prefix, for example {@code observability.http}
	 */
	String value() default "";

}
