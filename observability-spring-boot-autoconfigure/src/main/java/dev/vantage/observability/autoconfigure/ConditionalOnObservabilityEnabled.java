package dev.vantage.observability.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when Vantage is enabled ({@code observability.enabled}, default true) and, if a
 * concern is named, when {@code observability.<concern>.enabled} is not false.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnObservabilityEnabledCondition.class)
public @interface ConditionalOnObservabilityEnabled {

	/**
	 * The concern whose switch must be on as well, empty for the global switch only.
	 * @return the concern, for example {@code http}
	 */
	String value() default "";

}
