package dev.vantage.observability.autoconfigure.reactive;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.http.HttpMetricsAutoConfiguration;
import dev.vantage.observability.autoconfigure.security.SecurityMetricsAutoConfiguration;
import dev.vantage.observability.autoconfigure.tenant.TenantAutoConfiguration;
import dev.vantage.observability.security.SecurityMetrics;
import dev.vantage.observability.tenant.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux adapters of the tenant, the per-tenant meter and the suspicious-request
 * detector, run as WebFlux runs them: every {@link WebFilter} bean of the context, in
 * order, in front of a handler.
 */
class ReactiveWebFiltersTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class,
				TenantAutoConfiguration.class, HttpMetricsAutoConfiguration.class,
				SecurityMetricsAutoConfiguration.class));

	@Test
	void reactiveAppGetsTheWebFiltersAndNoServletFilter() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("tenantWebFilter")
				.hasBean("tenantRequestObservationHandler")
				.hasBean("suspiciousRequestWebFilter");
			assertThat(context.getBean("tenantRequestObservationHandler", ObservationHandler.class)
				.supportsContext(new ServerRequestObservationContext(MockServerHttpRequest.get("/").build(),
						new MockServerHttpResponse(), Map.of()))).isTrue();
			assertThat(context).doesNotHaveBean("tenantContextFilter").doesNotHaveBean("suspiciousRequestFilter");
		});
	}

	@Test
	void servletAppGetsNoWebFilter() {
		new WebApplicationContextRunner()
			.withConfiguration(MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class,
					TenantAutoConfiguration.class, HttpMetricsAutoConfiguration.class,
					SecurityMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(WebFilter.class).hasBean("tenantContextFilter"));
	}

	@Test
	void webFiltersBackOffWithoutWebFlux() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebFilter.class))
			.run((context) -> assertThat(context).doesNotHaveBean("tenantWebFilter"));
	}

	@Test
	void userWebFiltersWin() {
		this.contextRunner.withUserConfiguration(UserFilters.class).run((context) -> {
			assertThat(context.getBean("tenantWebFilter")).isSameAs(UserFilters.PASS);
			assertThat(context.getBean("suspiciousRequestWebFilter")).isSameAs(UserFilters.PASS);
		});
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WebFilter.class));
		this.contextRunner.withPropertyValues("observability.security.suspicious-requests.enabled=false",
				"observability.http.enabled=false")
			.run((context) -> assertThat(context).hasBean("tenantWebFilter")
				.doesNotHaveBean("tenantRequestObservationHandler")
				.doesNotHaveBean("suspiciousRequestWebFilter"));
	}

	@Test
	void tenantReachesThreadLocalsOnAnotherThreadAndTheTenantMeter() {
		Hooks.enableAutomaticContextPropagation();
		try {
			this.contextRunner.run((context) -> {
				AtomicReference<String> seen = new AtomicReference<>();
				WebHandler handler = (exchange) -> Mono.fromRunnable(() -> seen.set(TenantContext.current()))
					.subscribeOn(Schedulers.parallel())
					.then();
				handle(context, handler, get("/orders").header("X-Tenant-Id", "acme"));
				assertThat(seen).hasValue("acme");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("http.server.tenant.requests").tags("tenant", "acme", "outcome", "SUCCESS")
					.timer().count()).isEqualTo(1);
			});
		}
		finally {
			Hooks.disableAutomaticContextPropagation();
		}
	}

	@Test
	void errorsCountWithTheirStatusOrAsServerErrors() {
		this.contextRunner.run((context) -> {
			handle(context, (exchange) -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)),
					get("/orders/9").header("X-Tenant-Id", "acme"));
			handle(context, (exchange) -> Mono.error(new IllegalStateException("boom")),
					get("/orders/9").header("X-Tenant-Id", "acme"));
			handle(context, (exchange) -> Mono.empty(), get("/orders"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("http.server.tenant.requests").tags("tenant", "acme", "outcome", "CLIENT_ERROR")
				.timer().count()).isEqualTo(1);
			assertThat(registry.get("http.server.tenant.requests").tags("tenant", "acme", "outcome", "SERVER_ERROR")
				.timer().count()).isEqualTo(1);
			assertThat(registry.get("http.server.tenant.requests").tags("tenant", "none").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void aCancelledExchangeCountsAsUnknownAsInBootsServerObservation() {
		this.contextRunner.run((context) -> {
			handle(context, (exchange) -> Mono.never(), get("/orders").header("X-Tenant-Id", "acme"),
					Duration.ofMillis(200));
			assertThat(context.getBean(MeterRegistry.class)
				.get("http.server.tenant.requests")
				.tags("tenant", "acme", "outcome", "UNKNOWN")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void suspiciousRequestIsRecordedOffTheEventLoopAndContinues() {
		this.contextRunner.run((context) -> {
			AtomicReference<Boolean> handled = new AtomicReference<>(false);
			handle(context, (exchange) -> Mono.fromRunnable(() -> handled.set(true)),
					get("/api/products?q=%27%20OR%20%271%27%3D%271"));
			assertThat(handled).hasValue(true);
			assertThat(context.getBean(MeterRegistry.class)
				.get(SecurityMetrics.SUSPICIOUS_METER)
				.tag("type", "injection_attempt")
				.counters()).anySatisfy((counter) -> assertThat(counter.count()).isEqualTo(1));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilters {

		static final WebFilter PASS = (exchange, chain) -> chain.filter(exchange);

		@Bean
		WebFilter tenantWebFilter() {
			return PASS;
		}

		@Bean
		WebFilter suspiciousRequestWebFilter() {
			return PASS;
		}

	}

	private static MockServerHttpRequest.BaseBuilder<?> get(String uri) {
		return MockServerHttpRequest.get(uri);
	}

	private static void handle(AssertableReactiveWebApplicationContext context, WebHandler handler,
			MockServerHttpRequest.BaseBuilder<?> request) {
		handle(context, handler, request, Duration.ofSeconds(10));
	}

	/**
	 * Handles one request as WebFlux does, through Spring's HTTP handler adapter, which observes
	 * it ({@code http.server.requests}) with the context's observation handlers; the client
	 * gives up after {@code patience}.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void handle(AssertableReactiveWebApplicationContext context, WebHandler handler,
			MockServerHttpRequest.BaseBuilder<?> request, Duration patience) {
		ObservationRegistry observations = ObservationRegistry.create();
		context.getBeanProvider(ObservationHandler.class)
			.forEach((observationHandler) -> observations.observationConfig().observationHandler(observationHandler));
		HttpHandler http = WebHttpHandlerBuilder.webHandler(handler)
			.filters((filters) -> filters.addAll(context.getBeanProvider(WebFilter.class).orderedStream().toList()))
			.observationRegistry(observations)
			.build();
		http.handle(request.build(), new MockServerHttpResponse()).timeout(patience, Mono.empty()).onErrorComplete().block();
	}

}
