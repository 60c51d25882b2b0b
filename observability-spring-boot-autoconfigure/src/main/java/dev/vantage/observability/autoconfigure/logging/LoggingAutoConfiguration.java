package dev.vantage.observability.autoconfigure.logging;

import dev.vantage.observability.autoconfigure.ConditionalOnObservabilityEnabled;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Binds (and so validates) the logging properties. Logging itself is configured before
 * the context exists, by {@code ObservabilityDefaultsEnvironmentPostProcessor} and the
 * shipped Logback files, which read the same properties.
 */
@AutoConfiguration
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(LoggingProperties.class)
public final class LoggingAutoConfiguration {

}
