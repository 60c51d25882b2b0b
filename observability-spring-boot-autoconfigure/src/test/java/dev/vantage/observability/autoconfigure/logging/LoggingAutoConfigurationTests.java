package dev.vantage.observability.autoconfigure.logging;

import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.vantage.observability.tenant.TenantContext;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingAutoConfigurationTests {

	// Vantage's environment post-processor sets this default in a real application.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LoggingAutoConfiguration.class))
		.withPropertyValues("spring.task.execution.propagate-context=true");

	@Test
	void withBootsTaskExecutionOneDecoratorCarriesTheTenant() {
		// Spring Boot 4.1 makes the decorator itself (then Vantage's backs off); 4.0 does not.
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(TaskDecorator.class);
				assertCarriesTheTenant(context.getBean(TaskDecorator.class));
			});
	}

	@Test
	void withoutBootsDecoratorVantagesCarriesTheTenant() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TaskDecorator.class);
			assertThat(context).hasBean("vantageContextPropagatingTaskDecorator");
			assertCarriesTheTenant(context.getBean(TaskDecorator.class));
		});
	}

	@Test
	void otlpLogExportOnlyWithBootsEndpointPropertyItsSdkAndTheAppender() {
		ApplicationContextRunner withSdk = this.contextRunner.withBean(OpenTelemetry.class, OpenTelemetry::noop);
		withSdk.run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryLogExport.class));
		ApplicationContextRunner withEndpoint = withSdk
			.withPropertyValues(OpenTelemetryLogExport.ENDPOINT + "=http://127.0.0.1:4318/v1/logs");
		withEndpoint.run((context) -> {
			assertThat(context).hasSingleBean(OpenTelemetryLogExport.class);
			Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
			assertThat(root.getAppender(OpenTelemetryLogExport.APPENDER)).isNotNull();
		});
		assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME)
			.getAppender(OpenTelemetryLogExport.APPENDER)).as("detached when the context closes").isNull();
		withEndpoint.withClassLoader(new FilteredClassLoader("io.opentelemetry.instrumentation"))
			.run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryLogExport.class));
		this.contextRunner.withPropertyValues(OpenTelemetryLogExport.ENDPOINT + "=http://127.0.0.1:4318/v1/logs")
			.run((context) -> assertThat(context).doesNotHaveBean(OpenTelemetryLogExport.class));
	}

	private static void assertCarriesTheTenant(TaskDecorator decorator) throws InterruptedException {
		AtomicReference<String> seen = new AtomicReference<>();
		Runnable task;
		try (TenantContext.Scope scope = TenantContext.open("acme")) {
			task = decorator.decorate(() -> seen.set(TenantContext.current()));
		}
		Thread worker = new Thread(task);
		worker.start();
		worker.join();
		assertThat(seen).hasValue("acme");
	}

	@Test
	void applicationsOwnDecoratorWins() {
		this.contextRunner.withUserConfiguration(UserDecorator.class).run((context) -> {
			assertThat(context).hasSingleBean(TaskDecorator.class);
			assertThat(context).hasBean("userDecorator");
		});
	}

	@Test
	void noDecoratorWhenPropagationIsSwitchedOff() {
		this.contextRunner.withPropertyValues("spring.task.execution.propagate-context=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TaskDecorator.class));
	}

	@Test
	void noDecoratorWhenVantageIsOff() {
		this.contextRunner.withPropertyValues("observability.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TaskDecorator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserDecorator {

		@Bean
		TaskDecorator userDecorator() {
			return (runnable) -> runnable;
		}

	}

}
