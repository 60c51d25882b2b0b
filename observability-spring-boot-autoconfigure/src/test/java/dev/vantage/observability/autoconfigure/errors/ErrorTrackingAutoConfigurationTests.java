package dev.vantage.observability.autoconfigure.errors;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.errors.Breadcrumbs;
import dev.vantage.observability.errors.ErrorGroup;
import dev.vantage.observability.errors.ErrorGrouping;
import dev.vantage.observability.errors.ErrorTracker;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTrackingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class,
				ErrorTrackingAutoConfiguration.class));

	@Test
	void aTrackerCountsErrorsLoggedAtErrorOnlyWhileTheApplicationRuns() {
		this.contextRunner.withUserConfiguration(ApplicationPackage.class).run((context) -> {
			assertThat(context).hasSingleBean(ErrorTracker.class).hasSingleBean(ErrorLogCapture.class)
				.doesNotHaveBean(ResolvedErrors.class);
			assertThat(LoggedErrors.tracker()).isSameAs(context.getBean(ErrorTracker.class));
			LoggerFactory.getLogger("jobs").error("export failed", new IllegalStateException("export 7 failed"));
			LoggerFactory.getLogger("jobs").warn("retrying", new IllegalStateException("not counted"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("errors").tags("source", "log", "handled", "true", "exception",
					"IllegalStateException").counter().count()).isEqualTo(1);
			assertThat(context.getBean(ErrorTracker.class).groups()).singleElement().satisfies((group) -> {
				assertThat(group.where()).isEqualTo("jobs");
				assertThat(group.stackTrace()).anyMatch((frame) -> frame.application());
			});
		});
		assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME)
			.getAppender(ErrorLogCapture.APPENDER)).isNull();
		assertThat(LoggedErrors.tracker()).isNull();
	}

	@Test
	void theLinesAJobLogsInItsObservationAreTheBreadcrumbsOfItsError() {
		this.contextRunner.withUserConfiguration(ApplicationPackage.class, Observations.class).run((context) -> {
			ObservationRegistry observations = context.getBean(ObservationRegistry.class);
			org.slf4j.Logger jobs = LoggerFactory.getLogger("jobs");
			Observation.createNotStarted("tasks.scheduled.execution", observations).observe(() -> {
				jobs.info("export 7 started for alice@example.com");
				Observation.createNotStarted("jdbc", observations).observe(() -> jobs.info("rows read"));
				jobs.error("export failed", new IllegalStateException("export 7 failed"));
			});
			jobs.info("between jobs");
			jobs.error("cleanup failed", new IllegalArgumentException("cleanup failed"));
			ErrorTracker tracker = context.getBean(ErrorTracker.class);
			assertThat(tracker.groups()).hasSize(2).allSatisfy((group) -> assertThat(group.sample()).isNotNull());
			ErrorGroup export = tracker.groups()
				.stream()
				.filter((group) -> "export 7 failed".equals(group.message()))
				.findFirst()
				.orElseThrow();
			assertThat(export.sample().breadcrumbs()).as("the job's lines, its child observation's too, masked")
				.extracting(Breadcrumbs.Breadcrumb::message)
				.containsExactly("export 7 started for ****", "rows read");
			ErrorGroup cleanup = tracker.groups()
				.stream()
				.filter((group) -> "cleanup failed".equals(group.message()))
				.findFirst()
				.orElseThrow();
			assertThat(cleanup.sample().breadcrumbs()).as("outside any observation").isEmpty();
		});
	}

	@Test
	void aSampleNeverShowsCredentialHeadersAndBreadcrumbsAreBounded() {
		this.contextRunner.withPropertyValues("observability.errors.sample.headers=User-Agent,Cookie")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.errors.sample.headers")
				.hasMessageContaining("Cookie"));
		this.contextRunner.withPropertyValues("observability.errors.breadcrumbs.size=101")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.errors.breadcrumbs.size"));
	}

	@Test
	void groupingsOfTheApplicationComeFirstInOrder() {
		this.contextRunner.withUserConfiguration(Grouping.class).run((context) -> {
			ErrorTracker tracker = context.getBean(ErrorTracker.class);
			assertThat(tracker.recordHttp(new IllegalStateException("x"), false, 500, null, null).fingerprint())
				.isEqualTo(tracker.recordHttp(new IllegalArgumentException("y"), false, 500, null, null).fingerprint());
		});
	}

	@Test
	void switchedOffThereIsNothing() {
		this.contextRunner.withPropertyValues("observability.errors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorTracker.class)
				.doesNotHaveBean(ErrorLogCapture.class));
	}

	@Test
	void invalidLimitsStopStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.errors.max-groups=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.errors.max-groups"));
	}

	@Test
	void aClientErrorTypeThatIsNoClassStopsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("observability.errors.client-error-types=com.example.OrderNotFoundExcepton")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.errors.client-error-types")
				.hasMessageContaining("com.example.OrderNotFoundExcepton"));
	}

	@Test
	void clientErrorsAreListedTypesAndTheirSubtypesEndingARequestWith4xx() {
		this.contextRunner.withPropertyValues("observability.errors.client-error-types=java.lang.IllegalArgumentException")
			.run((context) -> {
				ClientErrors clientErrors = context.getBean(ClientErrors.class);
				assertThat(clientErrors.isClientError(new NumberFormatException(), 400)).isTrue();
				assertThat(clientErrors.isClientError(new IllegalArgumentException(), 404)).isTrue();
				assertThat(clientErrors.isClientError(new IllegalArgumentException(), 500)).as("a 5xx is the service's")
					.isFalse();
				assertThat(clientErrors.isClientError(new IllegalStateException(), 400)).isFalse();
			});
	}

	@Test
	void springMvcGetsTheResolverTheFilterAndTheHandler() {
		new WebApplicationContextRunner().withConfiguration(MetricsConfigurations.withRegistry(
				CardinalityAutoConfiguration.class, ErrorTrackingAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ResolvedErrors.class)
				.hasSingleBean(HandledServerErrors.class)
				.hasBean("vantageHttpErrorObservationHandler")
				.doesNotHaveBean(ExpectedHttpErrors.class));
	}

	@Test
	void webFluxGetsTheExceptionHandlerAndTheObservationHandler() {
		new ReactiveWebApplicationContextRunner().withConfiguration(MetricsConfigurations.withRegistry(
				CardinalityAutoConfiguration.class, ErrorTrackingAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ExpectedHttpErrors.class)
				.hasSingleBean(ErrorPrincipals.class)
				.hasBean("vantageHttpErrorObservationHandler")
				.doesNotHaveBean(ResolvedErrors.class));
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class ApplicationPackage {

	}

	@Configuration(proxyBeanMethods = false)
	static class Observations {

		@Bean
		ObservationRegistry observationRegistry() {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler((context) -> true);
			return registry;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Grouping {

		@Bean
		ErrorGrouping everythingIsOneGroup() {
			return (error) -> "one";
		}

		@Bean
		ErrorGrouping never() {
			return (error) -> List.of().isEmpty() ? null : "never";
		}

	}

}
