package dev.vantage.observability.autoconfigure.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.health.DependencyCheck;
import dev.vantage.observability.health.DependencyHealthChecker;
import dev.vantage.observability.support.ObservabilityExecutor;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReactiveRedisClusterConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class DependencyHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:health;DB_CLOSE_DELAY=-1")
		.withConfiguration(MetricsConfigurations.withRegistry(DataSourceAutoConfiguration.class,
				DependencyHealthAutoConfiguration.class));

	@Test
	void everyDataSourceDeclaredHttpDependencyAndCheckBeanIsChecked() {
		this.contextRunner
			.withPropertyValues("observability.health.http.payments.url=http://127.0.0.1:1/health",
					"observability.health.http.payments.critical=true")
			.withUserConfiguration(CustomCheck.class)
			.run((context) -> {
				DependencyHealthChecker checker = context.getBean(DependencyHealthChecker.class);
				assertThat(checker.checks()).extracting(DependencyCheck::name)
					.containsExactlyInAnyOrder("dataSource", "payments", "custom");
				assertThat(checker.checks()).filteredOn(DependencyCheck::critical)
					.extracting(DependencyCheck::name)
					.containsExactlyInAnyOrder("dataSource", "payments");
				CompositeHealthContributor dependencies = context.getBean("dependenciesHealthContributor",
						CompositeHealthContributor.class);
				HealthContributor dataSource = dependencies.getContributor("dataSource");
				assertThat(((HealthIndicator) dataSource).health().getStatus()).isEqualTo(Status.UP);
				assertThat(((HealthIndicator) dependencies.getContributor("payments")).health().getStatus())
					.isEqualTo(Status.DOWN);
				assertThat(context.getBean(MeterRegistry.class).get(DependencyHealthChecker.UP_METER)
					.tag("dependency", "dataSource").gauge().value()).isEqualTo(1);
			});
	}

	@Test
	void readinessGainsTheCriticalDependenciesAndBootsGroupsKeepEveryInterface() {
		HealthEndpointGroup readiness = mock(HealthEndpointGroup.class);
		BootsGroups groups = mock(BootsGroups.class);
		given(groups.get("readiness")).willReturn(readiness);
		given(groups.getAdditionalPaths(EndpointId.of("health"), WebServerNamespace.SERVER))
			.willReturn(List.of("/readyz"));
		HealthEndpointGroups processed = new CriticalDependenciesReadiness(Set.of("dataSource"),
				ObserverFailures.logOnly())
			.postProcessHealthEndpointGroups(groups);
		assertThat(processed).isInstanceOf(AdditionalPathsMapper.class);
		assertThat(((AdditionalPathsMapper) processed).getAdditionalPaths(EndpointId.of("health"),
				WebServerNamespace.SERVER)).containsExactly("/readyz");
		assertThat(processed.get("readiness").isMember("dependencies/dataSource")).isTrue();
		assertThat(processed.get("readiness").isMember("dependencies/search")).isFalse();
	}

	/** What Boot's own groups object is: groups and the mapper of their additional paths. */
	interface BootsGroups extends HealthEndpointGroups, AdditionalPathsMapper {

	}

	@Test
	void backsOffWithoutBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DependencyHealthChecker.class));
	}

	@Test
	void userCheckerWins() {
		this.contextRunner.withUserConfiguration(UserChecker.class).run((context) -> {
			assertThat(context).hasSingleBean(DependencyHealthChecker.class).hasBean("customChecker");
			assertThat(context.getBean(DependencyHealthChecker.class).checks()).isEmpty();
		});
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.health.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DependencyHealthChecker.class));
	}

	@Test
	void backgroundRefreshOnlyWhenAnIntervalIsSet() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(BackgroundHealthRefresh.class));
		this.contextRunner.withPropertyValues("observability.health.refresh-interval=30s")
			.run((context) -> assertThat(context).hasSingleBean(BackgroundHealthRefresh.class));
	}

	@Test
	void httpDependencyWithoutUsableUrlFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.health.http.payments.url=ftp://files.example.com")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.health.http.payments.url"));
		this.contextRunner.withPropertyValues("observability.health.http.payments.critical=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.health.http.payments.url")
				.hasMessageContaining("must be set"));
		this.contextRunner.withPropertyValues("observability.health.timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.health.timeout"));
	}

	@Test
	void reactiveOnlyRedisIsPingedAndBootsDualFactoryIsCheckedOnce() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		RedisServer redis = new RedisServer(port);
		redis.start();
		try {
			this.contextRunner
				.withBean("redisConnectionFactory", LettuceConnectionFactory.class,
						() -> new LettuceConnectionFactory("127.0.0.1", port))
				.withBean("sessionsConnectionFactory", ReactiveRedisConnectionFactory.class,
						() -> new ReactiveOnly(new LettuceConnectionFactory("127.0.0.1", port)))
				.run((context) -> {
					List<DependencyCheck> checks = context.getBean(DependencyHealthChecker.class).checks();
					assertThat(checks).extracting(DependencyCheck::name)
						.containsExactlyInAnyOrder("dataSource", "redis", "sessions");
					DependencyCheck sessions = checks.stream()
						.filter((check) -> check.name().equals("sessions"))
						.findFirst()
						.orElseThrow();
					assertThat(sessions).isInstanceOf(ReactiveRedisCheck.class);
					sessions.probe();
					redis.stop();
					assertThatException().isThrownBy(sessions::probe);
				});
		}
		finally {
			redis.stop();
		}
	}

	/** A reactive-only connection factory, as a user may declare one; not also a blocking one. */
	private record ReactiveOnly(LettuceConnectionFactory lettuce) implements ReactiveRedisConnectionFactory,
			InitializingBean, DisposableBean {

		@Override
		public void afterPropertiesSet() {
			this.lettuce.afterPropertiesSet();
			this.lettuce.start();
		}

		@Override
		public void destroy() {
			this.lettuce.destroy();
		}

		@Override
		public ReactiveRedisConnection getReactiveConnection() {
			return this.lettuce.getReactiveConnection();
		}

		@Override
		public ReactiveRedisClusterConnection getReactiveClusterConnection() {
			return this.lettuce.getReactiveClusterConnection();
		}

		@Override
		public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
			return this.lettuce.translateExceptionIfPossible(ex);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomCheck {

		@Bean
		DependencyCheck customCheck() {
			return new DependencyCheck() {

				@Override
				public String name() {
					return "custom";
				}

				@Override
				public boolean critical() {
					return false;
				}

				@Override
				public void probe() {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserChecker {

		@Bean
		DependencyHealthChecker customChecker(MeterRegistry registry, ObservabilityExecutor executor) {
			return new DependencyHealthChecker(List.of(), Duration.ofSeconds(1), Duration.ZERO, registry,
					Clock.systemUTC(), executor);
		}

	}

}
