package dev.vantage.observability.autoconfigure.errors;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import io.opentelemetry.sdk.trace.internal.SdkTracerProviderUtil;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import dev.vantage.observability.application.BuildInfoMetrics;
import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.errors.ErrorFingerprinter;
import dev.vantage.observability.errors.ErrorGrouping;
import dev.vantage.observability.errors.ErrorLimits;
import dev.vantage.observability.errors.ErrorSampler;
import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.support.ObserverFailures;

/**
 * Auto-configuration of error tracking: the {@link ErrorTracker}, fed by Boot's HTTP server
 * observation on both web stacks (with, on Spring MVC, the exceptions handlers resolve) and by
 * every exception logged at ERROR through Logback; the log fields; the {@code errors}
 * endpoint. The application's packages, which make fingerprints, are Boot's
 * auto-configuration packages unless {@code observability.errors.application-packages} says
 * otherwise.
 */
@AutoConfiguration(afterName = { "dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnObservabilityEnabled(VantageErrorsProperties.PREFIX)
@EnableConfigurationProperties(VantageErrorsProperties.class)
public final class ErrorTrackingAutoConfiguration {

	/** The environment the log lines name ({@code env}), which samples name too. */
	static final String ENVIRONMENT_PROPERTY = "observability.logging.env";

	@Bean
	@ConditionalOnMissingBean
	ErrorTracker errorTracker(MeterRegistry registry, VantageErrorsProperties properties, BeanFactory beanFactory,
			ObjectProvider<BuildProperties> build, ObjectProvider<ErrorGrouping> groupings,
			ObjectProvider<CardinalityGuard> guard, Environment environment) {
		// Browsers report errors anonymously: their groups get a fingerprint budget of their own,
		// so that a flood of beacons cannot turn the server's new groups into 'other'.
		guard.ifAvailable((bound) -> bound.partition(ErrorTracker.METER, "source"));
		List<String> packages = properties.getApplicationPackages();
		if (packages.isEmpty() && AutoConfigurationPackages.has(beanFactory)) {
			packages = AutoConfigurationPackages.get(beanFactory);
		}
		BuildProperties buildProperties = build.getIfAvailable();
		String version = (buildProperties != null && buildProperties.getVersion() != null) ? buildProperties.getVersion()
				: BuildInfoMetrics.UNKNOWN;
		return new ErrorTracker(registry, new ErrorFingerprinter(packages), groupings.orderedStream().toList(),
				new AuditMasker(properties.getMaskedKeys(), false), version,
				new ErrorLimits(properties.getMaxGroups(), properties.getMaxBrowserGroups(),
						properties.getStackDepth(), properties.getMessageLength()),
				Clock.systemUTC(), new ErrorSampler(environment.getProperty(ENVIRONMENT_PROPERTY, "default"),
						properties.getSample().getPrincipal()));
	}

	@Bean
	ErrorSampleLog vantageErrorSampleLog(VantageErrorsProperties properties, MeterRegistry registry) {
		return new ErrorSampleLog(properties.getSample().isLog(), properties.getSample().getLogPerMinute(), registry);
	}

	@Bean
	ClientErrors vantageClientErrors(VantageErrorsProperties properties, BeanFactory beanFactory) {
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : null;
		return ClientErrors.of(VantageErrorsProperties.PREFIX + ".client-error-types",
				properties.getClientErrorTypes(), new VantageErrorsProperties().getClientErrorTypes(), classLoader);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = { "org.springframework.web.servlet.HandlerExceptionResolver",
			"org.springframework.http.server.observation.ServerRequestObservationContext" })
	static class ServletConfiguration {

		@Bean
		ResolvedErrors vantageResolvedErrors() {
			return new ResolvedErrors();
		}

		@Bean
		ObservationFilter vantageHandledServerErrors(ObjectProvider<ObserverFailures> failures) {
			return new HandledServerErrors(failures.getIfAvailable(ObserverFailures::logOnly));
		}

		@Bean
		ObservationHandler<?> vantageHttpErrorObservationHandler(ErrorTracker tracker, ClientErrors clientErrors,
				VantageErrorsProperties properties, ErrorSampleLog samples, ObjectProvider<ObserverFailures> failures) {
			return new HttpErrorObservationHandler.Servlet(tracker, clientErrors, properties.getSample().getHeaders(),
					samples, failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.http.server.reactive.observation.ServerRequestObservationContext")
	static class ReactiveConfiguration {

		@Bean
		ExpectedHttpErrors vantageExpectedHttpErrors(ErrorTracker tracker, ObjectProvider<ObserverFailures> failures) {
			return new ExpectedHttpErrors(tracker, failures.getIfAvailable(ObserverFailures::logOnly));
		}

		@Bean
		ErrorPrincipals vantageErrorPrincipals() {
			return new ErrorPrincipals();
		}

		@Bean
		ObservationHandler<?> vantageHttpErrorObservationHandler(ErrorTracker tracker, ClientErrors clientErrors,
				VantageErrorsProperties properties, ErrorSampleLog samples, ObjectProvider<ObserverFailures> failures) {
			return new HttpErrorObservationHandler.Reactive(tracker, clientErrors, properties.getSample().getHeaders(),
					samples, failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
	static class LogConfiguration {

		@Bean
		ErrorLogCapture vantageErrorLogCapture(ErrorTracker tracker, VantageErrorsProperties properties,
				ErrorSampleLog samples, ObjectProvider<ObservationRegistry> observations,
				ObjectProvider<ObserverFailures> failures) {
			VantageErrorsProperties.Breadcrumbs breadcrumbs = properties.getBreadcrumbs();
			ObservationRegistry registry = observations.getIfAvailable();
			return new ErrorLogCapture(tracker, new HashSet<>(properties.getUnhandledLoggers()),
					(breadcrumbs.isEnabled() && registry != null)
							? new RequestBreadcrumbs(registry, breadcrumbs.getSize()) : null,
					samples, failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

	/** Masking of the log records Boot's OpenTelemetry SDK exports, ahead of its batch processor. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.opentelemetry.sdk.logs.LogRecordProcessor")
	static class LogRecordConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		MaskingLogRecordProcessor vantageMaskingLogRecordProcessor(ErrorTracker tracker,
				ObjectProvider<ObserverFailures> failures) {
			return new MaskingLogRecordProcessor(tracker, failures.getIfAvailable(ObserverFailures::logOnly));
		}

	}

	/**
	 * Masking of the exceptions spans carry. It uses two hooks the OpenTelemetry SDK marks
	 * internal (its exception attribute resolver and the span processor's ending callback):
	 * where they are missing the spans are left as the SDK makes them.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.opentelemetry.sdk.common.internal.ExceptionAttributeResolver",
			"io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor",
			"io.opentelemetry.sdk.trace.internal.SdkTracerProviderUtil",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer" })
	static class SpanConfiguration {

		@Bean
		MaskingSpanExceptions vantageMaskingSpanExceptions(ErrorTracker tracker,
				ObjectProvider<ObserverFailures> failures) {
			return new MaskingSpanExceptions(tracker, failures.getIfAvailable(ObserverFailures::logOnly));
		}

		@Bean
		SdkTracerProviderBuilderCustomizer vantageMaskingExceptionAttributes(MaskingSpanExceptions masking) {
			return (builder) -> SdkTracerProviderUtil.setExceptionAttributeResolver(builder, masking);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ErrorsEndpoint errorsEndpoint(ErrorTracker tracker) {
			return new ErrorsEndpoint(tracker);
		}

	}

}
