package dev.vantage.observability.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.health.DependencyCheck;
import dev.vantage.observability.health.DependencyHealthChecker;
import dev.vantage.observability.support.ObservabilityExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

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
