package dev.vantage.observability.autoconfigure.http;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.tenant.TenantAutoConfiguration;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.http.HttpMeters;
import dev.vantage.observability.http.TenantRequestMetrics;
import dev.vantage.observability.tenant.TenantContext;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.filter.ServerHttpObservationFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class HttpMetricsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer(MetricsConfigurations::vantageDefaults)
		.withConfiguration(MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class,
				TenantAutoConfiguration.class, HttpMetricsAutoConfiguration.class));

	@Test
	void serverRequestsGetConfiguredSloBucketsAndTenantMetersAreCreated() {
		this.contextRunner.withPropertyValues("observability.http.slo=100ms,1s").run((context) -> {
			assertThat(context).hasSingleBean(TenantRequestMetrics.class).hasBean("tenantRequestObservationHandler");
			assertThat(context.getBean("tenantRequestObservationHandler"))
				.isInstanceOf(TenantRequestObservationHandler.Servlet.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer timer = Timer.builder(HttpMeters.SERVER_REQUESTS).register(registry);
			assertThat(timer.takeSnapshot().histogramCounts()).hasSize(2);
			Timer client = Timer.builder(HttpMeters.CLIENT_REQUESTS).register(registry);
			assertThat(client.takeSnapshot().histogramCounts()).hasSize(2);
		});
	}

	@Test
	void slosOfTheApplicationWin() {
		this.contextRunner.withPropertyValues("management.metrics.distribution.slo.http.server.requests=10ms")
			.run((context) -> {
				Timer timer = Timer.builder(HttpMeters.SERVER_REQUESTS)
					.register(context.getBean(MeterRegistry.class));
				assertThat(timer.takeSnapshot().histogramCounts()).hasSize(1);
			});
	}

	@Test
	void tenantTimerBacksOffWithoutServletApiButBucketsStay() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpServletRequest.class)).run((context) -> {
			assertThat(context).doesNotHaveBean("tenantRequestObservationHandler");
			Timer timer = Timer.builder(HttpMeters.SERVER_REQUESTS).register(context.getBean(MeterRegistry.class));
			assertThat(timer.takeSnapshot().histogramCounts()).hasSize(VantageHttpProperties.DEFAULT_SLO.size());
		});
	}

	@Test
	void tenantTimerTimesWhatBootsServerObservationTimesWithTheTenantTheRequestEndedWith() {
		this.contextRunner.run((context) -> {
			serve(context, get("/orders").header("X-Tenant-Id", "acme"), (request, response) -> {
				TenantContext.set("globex");
				((HttpServletResponse) response).setStatus(201);
			});
			serve(context, get("/orders/9").header("X-Tenant-Id", "acme"), (request, response) -> {
				throw new IllegalStateException("boom");
			});
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("http.server.tenant.requests").tags("tenant", "globex", "outcome", "SUCCESS")
				.timer().count()).as("the tenant domain code set").isEqualTo(1);
			assertThat(registry.get("http.server.tenant.requests").tags("tenant", "acme", "outcome", "SERVER_ERROR")
				.timer().count()).isEqualTo(1);
			assertThat(registry.get("http.server.requests").timers().stream().mapToLong(Timer::count).sum())
				.as("Boot's meter of the same requests")
				.isEqualTo(2);
		});
	}

	/** One request through Spring's observation filter and the tenant filter, as Boot orders them. */
	private static void serve(AssertableWebApplicationContext context, MockHttpServletRequestBuilder request,
			Servlet servlet) {
		ObservationRegistry observations = ObservationRegistry.create();
		// The context's handlers: Boot's meter handler (http.server.requests) and Vantage's.
		context.getBeanProvider(ObservationHandler.class)
			.forEach((handler) -> observations.observationConfig().observationHandler(handler));
		Filter tenantFilter = context.getBean("tenantContextFilter", FilterRegistrationBean.class).getFilter();
		MockFilterChain chain = new MockFilterChain(servlet, new ServerHttpObservationFilter(observations), tenantFilter);
		try {
			chain.doFilter(request.buildRequest(new MockServletContext()), new MockHttpServletResponse());
		}
		catch (Exception ex) {
			// The servlet's failure, as a servlet container would see it.
		}
	}

	@FunctionalInterface
	private interface Servlet extends jakarta.servlet.Servlet {

		void handle(ServletRequest request, ServletResponse response) throws ServletException, IOException;

		@Override
		default void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
			handle(request, response);
		}

		@Override
		default void init(ServletConfig config) {
		}

		@Override
		default @Nullable ServletConfig getServletConfig() {
			return null;
		}

		@Override
		default String getServletInfo() {
			return "test";
		}

		@Override
		default void destroy() {
		}

	}

	@Test
	void userTenantMetricsWin() {
		this.contextRunner.withUserConfiguration(UserMetrics.class).run((context) -> {
			assertThat(context).hasSingleBean(TenantRequestMetrics.class);
			assertThat(context).hasBean("customTenantRequestMetrics");
		});
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.http.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TenantRequestMetrics.class);
			Timer timer = Timer.builder(HttpMeters.SERVER_REQUESTS).register(context.getBean(MeterRegistry.class));
			assertThat(timer.takeSnapshot().histogramCounts()).isEmpty();
		});
	}

	@Test
	void sloBucketsAreBootsOwnPropertyWithExactBoundaries() {
		this.contextRunner.withPropertyValues("observability.http.slo=300ms,1500ms").run((context) -> {
			assertThat(context.getEnvironment().getProperty("management.metrics.distribution.slo.http.server.requests"))
				.isEqualTo("300000000ns,1500000000ns");
			Timer timer = Timer.builder(HttpMeters.SERVER_REQUESTS).register(context.getBean(MeterRegistry.class));
			assertThat(timer.takeSnapshot().histogramCounts()).extracting((bucket) -> bucket.bucket(TimeUnit.SECONDS))
				.containsExactly(0.3, 1.5);
		});
	}

	@Test
	void activeRequestsGetNoBuckets() {
		this.contextRunner.run((context) -> {
			LongTaskTimer active = LongTaskTimer.builder(HttpMeters.SERVER_REQUESTS + ".active")
				.register(context.getBean(MeterRegistry.class));
			assertThat(active.takeSnapshot().histogramCounts()).isEmpty();
		});
	}

	@Test
	void invalidSloFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.http.slo=-5ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.http.slo")
				.hasMessageContaining("must be positive"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMetrics {

		@Bean
		TenantRequestMetrics customTenantRequestMetrics(MeterRegistry registry) {
			return new TenantRequestMetrics(registry, new CardinalityGuard(10, 100, List.of()));
		}

	}

}
