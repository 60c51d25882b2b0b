package dev.vantage.observability.autoconfigure.logging;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;

import io.opentelemetry.api.OpenTelemetry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Binds (and so validates) the logging properties, and makes trace ids and the tenant follow
 * work handed to Boot-built executors. Logging itself is configured before the context exists,
 * by {@code LoggingDefaults} and the shipped Logback files, which
 * read the same properties. With Boot's {@code management.opentelemetry.logging.export.otlp.endpoint}
 * set, log records and audit events also leave over OTLP through OpenTelemetry's Logback
 * appender on Boot's SDK ({@link OpenTelemetryLogExport}).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
		"org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration" })
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(VantageLoggingProperties.class)
public final class LoggingAutoConfiguration {

	/**
	 * Vantage defaults {@code spring.task.execution.propagate-context} on, which Spring Boot 4.1
	 * answers with a decorator of its own; Spring Boot 4.0 has no such property, so there the
	 * same decorator comes from here. Boot's, or any decorator of the application's, wins.
	 */
	@Bean
	@ConditionalOnMissingBean(TaskDecorator.class)
	@ConditionalOnClass(name = "io.micrometer.context.ContextSnapshotFactory")
	@ConditionalOnProperty(name = "spring.task.execution.propagate-context", havingValue = "true")
	ContextPropagatingTaskDecorator vantageContextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

	/** OTLP log export: only when the endpoint is set, the appender is there and Boot built an SDK. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.opentelemetry.api.OpenTelemetry",
			"io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender",
			"ch.qos.logback.classic.LoggerContext" })
	@ConditionalOnProperty(OpenTelemetryLogExport.ENDPOINT)
	@ConditionalOnBean(OpenTelemetry.class)
	static class OpenTelemetryLogExportConfiguration {

		@Bean
		OpenTelemetryLogExport vantageOpenTelemetryLogExport(OpenTelemetry openTelemetry) {
			return new OpenTelemetryLogExport(openTelemetry);
		}

	}

}
