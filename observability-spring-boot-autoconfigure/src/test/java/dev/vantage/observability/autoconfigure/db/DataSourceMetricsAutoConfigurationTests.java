package dev.vantage.observability.autoconfigure.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class DataSourceMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:db-metrics;DB_CLOSE_DELAY=-1")
		.withConfiguration(MetricsConfigurations.withRegistry(DataSourceAutoConfiguration.class,
				DataSourceMetricsAutoConfiguration.class));

	@Test
	void everyDataSourceIsTimedAndItsMetersExistFromStartup() {
		this.contextRunner.run((context) -> {
			assertThat(timed(context.getBean(DataSource.class))).isTrue();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("db.query.slow").tag("datasource", "dataSource").counters()).hasSize(5);
			new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class);
			assertThat(registry.get("db.query").tag("operation", "select").tag("outcome", "success").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void poolKeepsItsClassSoInjectionByTypeWorks() {
		this.contextRunner.run((context) -> {
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			new JdbcTemplate(pool).queryForObject("select 1", Integer.class);
			assertThat(context.getBean(MeterRegistry.class).get("db.query").tag("operation", "select").tag("outcome", "success").timer().count())
				.isEqualTo(1);
			assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isPositive();
			assertThat(pool.unwrap(HikariDataSource.class)).isNotNull();
		});
	}

	@Test
	void nonPooledDataSourceIsTimedToo() {
		this.contextRunner.withUserConfiguration(PlainDataSource.class).run((context) -> {
			new JdbcTemplate(context.getBean(DataSource.class)).execute("create table plain (id int)");
			assertThat(context.getBean(MeterRegistry.class)
				.get("db.query")
				.tag("datasource", "plainDataSource")
				.tag("operation", "other")
				.tag("outcome", "success")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void dataSourceTheUserProxiedAlreadyIsLeftAlone() {
		this.contextRunner.withUserConfiguration(UserProxiedDataSource.class).run((context) -> {
			assertThat(context.getBean(DataSource.class)).isSameAs(UserProxiedDataSource.PROXY);
			assertThat(context.getBean(MeterRegistry.class).find("db.query").timers()).isEmpty();
		});
	}

	@Test
	void backsOffWithoutDatasourceProxy() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ProxyDataSourceBuilder.class))
			.run((context) -> assertThat(timed(context.getBean(DataSource.class))).isFalse());
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.db.enabled=false")
			.run((context) -> assertThat(timed(context.getBean(DataSource.class))).isFalse());
	}

	@Test
	void invalidThresholdFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.db.slow-query-threshold=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.db.slow-query-threshold"));
	}

	private static boolean timed(DataSource dataSource) {
		return AopUtils.isAopProxy(dataSource) || dataSource instanceof ProxyDataSource;
	}

	@Configuration(proxyBeanMethods = false)
	static class PlainDataSource {

		@Bean
		DataSource plainDataSource() {
			return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:plain;DB_CLOSE_DELAY=-1");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserProxiedDataSource {

		static final ProxyDataSource PROXY = ProxyDataSourceBuilder
			.create(new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:user;DB_CLOSE_DELAY=-1"))
			.build();

		@Bean
		DataSource userDataSource() {
			return PROXY;
		}

	}

}
