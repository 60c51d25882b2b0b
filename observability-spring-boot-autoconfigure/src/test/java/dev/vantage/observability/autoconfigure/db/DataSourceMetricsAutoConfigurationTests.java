package dev.vantage.observability.autoconfigure.db;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import net.ttddyy.observation.tracing.QueryContext;
import net.ttddyy.observation.tracing.QueryTracingObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
	void whenTheApplicationTracesEachStatementIsAnObservationWithItsLiteralsMaskedAndNoSecondTimer() {
		this.contextRunner.withUserConfiguration(TracedObservations.class).run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			jdbc.execute("create table account (id int, owner varchar(20))");
			assertThat(jdbc.update("insert into account values (7, 'alice@example.com')")).isEqualTo(1);
			assertThat(jdbc.queryForList("select owner from account where id = 7")).hasSize(1);
			List<Observation.Context> statements = TracedObservations.stopped(JdbcStatementSpans.OBSERVATION);
			assertThat(statements).hasSize(3);
			Observation.Context insert = statements.get(1);
			assertThat(insert.getHighCardinalityKeyValue("jdbc.query[0]").getValue())
				.isEqualTo("insert into account values (?, ?)");
			assertThat(insert.getHighCardinalityKeyValue(MaskedStatements.OPERATION).getValue()).isEqualTo("insert");
			assertThat(insert.getHighCardinalityKeyValue("jdbc.row-affected").getValue()).isEqualTo("1");
			assertThat(statements.get(2).getHighCardinalityKeyValue("jdbc.query[0]").getValue())
				.isEqualTo("select owner from account where id = ?");
			assertThat(statements.toString()).doesNotContain("alice@example.com");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("jdbc.query").meters()).isEmpty();
			assertThat(registry.get("db.query").tags("operation", "insert", "outcome", "success").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void withBootsObservationRegistryStatementSpansNeverReachItsMeterHandler() {
		List<String> meterNames = new CopyOnWriteArrayList<>();
		this.contextRunner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withBean(Tracer.class, () -> Tracer.NOOP)
			.withBean("everyMeterSeen", MeterFilter.class, () -> new MeterFilter() {

				@Override
				public Meter.Id map(Meter.Id id) {
					meterNames.add(id.getName());
					return id;
				}

			})
			.withBean(StoppedStatements.class, StoppedStatements::new)
			.run((context) -> {
				new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 42", Integer.class);
				assertThat(context.getBean(StoppedStatements.class).stopped).hasSize(1);
				assertThat(meterNames).contains("db.query").noneMatch((name) -> name.startsWith("jdbc.query"));
				Observation.createNotStarted("other.work", context.getBean(ObservationRegistry.class)).observe(() -> {
				});
				assertThat(context.getBean(MeterRegistry.class).get("other.work").timer().count()).isEqualTo(1);
			});
	}

	@Test
	void failedStatementObservationCarriesTheError() {
		this.contextRunner.withUserConfiguration(TracedObservations.class).run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> jdbc.queryForList("select * from missing"));
			assertThat(TracedObservations.stopped(JdbcStatementSpans.OBSERVATION)).singleElement()
				.satisfies((statement) -> assertThat(statement.getError()).isInstanceOf(SQLException.class));
		});
	}

	@Test
	void statementSpansAreDatasourceMicrometersClientSpansThatPropagateNothing() {
		this.contextRunner.withUserConfiguration(TracedObservations.class)
			.run((context) -> assertThat(context).hasSingleBean(QueryTracingObservationHandler.class));
		this.contextRunner.withUserConfiguration(TracedObservations.Untraced.class)
			.run((context) -> assertThat(context).doesNotHaveBean(QueryTracingObservationHandler.class));
	}

	@Test
	void withoutATracerStatementsMakeNoObservation() {
		this.contextRunner.withUserConfiguration(TracedObservations.Untraced.class).run((context) -> {
			new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class);
			assertThat(TracedObservations.stopped(JdbcStatementSpans.OBSERVATION)).isEmpty();
		});
	}

	@Test
	void datasourceMicrometersOwnBootModuleOwnsTheSpans() {
		this.contextRunner.withUserConfiguration(TracedObservations.class)
			.withClassLoader(new FilteredClassLoader(DataSourceObservationListener.class))
			.run((context) -> {
				new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class);
				assertThat(TracedObservations.stopped(JdbcStatementSpans.OBSERVATION)).isEmpty();
				assertThat(context).doesNotHaveBean(JdbcStatementSpans.class);
				assertThat(context.getBean(MeterRegistry.class).get("db.query").timers()).isNotEmpty();
			});
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

	static final class StoppedStatements implements ObservationHandler<QueryContext> {

		final List<QueryContext> stopped = new CopyOnWriteArrayList<>();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof QueryContext;
		}

		@Override
		public void onStop(QueryContext context) {
			this.stopped.add(context);
		}

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
