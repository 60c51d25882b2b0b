package dev.vantage.observability.autoconfigure.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.OpenTelemetryClassPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
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

	/** With Boot's OpenTelemetry tracing, every span sampled and kept. */
	private final ApplicationContextRunner otelRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class))
		.withPropertyValues("management.tracing.sampling.probability=1.0")
		.withBean(FinishedSpans.class, FinishedSpans::new);

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
	void needsNoProxyLibraryOnTheClassPath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ProxyDataSource.class)).run((context) -> {
			assertThat(timed(context.getBean(DataSource.class))).isTrue();
			new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class);
			assertThat(context.getBean(MeterRegistry.class).get("db.query").tags("operation", "select", "outcome", "success").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void whenTheApplicationTracesEachStatementIsAChildSpanWithItsLiteralsMaskedAndNoSecondTimer() {
		traced().run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			inARequest(context, () -> {
				jdbc.execute("create table account (id int, owner varchar(20))");
				assertThat(jdbc.update("insert into account values (7, 'alice@example.com')")).isEqualTo(1);
				assertThat(jdbc.queryForList("select owner from account where id = 7")).hasSize(1);
			});
			List<SpanData> statements = context.getBean(FinishedSpans.class).named(JdbcStatementSpans.NAME);
			assertThat(statements).hasSize(3).allSatisfy((statement) -> {
				assertThat(statement.getKind()).isEqualTo(SpanKind.CLIENT);
				assertThat(statement.getParentSpanContext().isValid()).as("a child of the request's span").isTrue();
				assertThat(statement.getAttributes().get(AttributeKey.stringKey(JdbcStatementSpans.DATASOURCE)))
					.isEqualTo("dataSource");
			});
			SpanData insert = statements.get(1);
			assertThat(insert.getAttributes().get(AttributeKey.stringKey("jdbc.query[0]")))
				.isEqualTo("insert into account values (?, ?)");
			assertThat(insert.getAttributes().get(AttributeKey.stringKey(MaskedStatements.OPERATION))).isEqualTo("insert");
			assertThat(insert.getAttributes().get(AttributeKey.longKey("jdbc.row-affected"))).isEqualTo(1);
			assertThat(statements.get(2).getAttributes().get(AttributeKey.stringKey("jdbc.query[0]")))
				.isEqualTo("select owner from account where id = ?");
			assertThat(statements.toString()).doesNotContain("alice@example.com");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("jdbc.query").meters()).isEmpty();
			assertThat(registry.get("db.query").tags("operation", "insert", "outcome", "success").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void withBraveTheStatementSpanIsBravesChildOfTheRequest() {
		List<MutableSpan> finished = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
					BraveAutoConfiguration.class))
			.withPropertyValues("management.tracing.sampling.probability=1.0")
			.withBean(SpanHandler.class, () -> new SpanHandler() {

				@Override
				public boolean end(TraceContext context, MutableSpan span, Cause cause) {
					finished.add(span);
					return true;
				}

			})
			.run((context) -> {
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				inARequest(context, () -> assertThat(jdbc.update("create table item (id int)")).isZero());
				MutableSpan request = finished.stream().filter((span) -> "request".equals(span.name())).findFirst().orElseThrow();
				assertThat(finished).filteredOn((span) -> JdbcStatementSpans.NAME.equals(span.name())).singleElement()
					.satisfies((statement) -> {
						assertThat(statement.kind()).isEqualTo(brave.Span.Kind.CLIENT);
						assertThat(statement.parentId()).isEqualTo(request.id());
						assertThat(statement.tag("jdbc.query[0]")).isEqualTo("create table item (id int)");
						assertThat(statement.tag(MaskedStatements.OPERATION)).isEqualTo("other");
						assertThat(statement.tag("jdbc.row-affected")).isEqualTo("0");
					});
			});
	}

	@Test
	void aStatementOutsideATracedRequestOrJobMakesNoSpan() {
		traced().run((context) -> {
			new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class);
			assertThat(context.getBean(FinishedSpans.class).named(JdbcStatementSpans.NAME)).isEmpty();
			assertThat(context.getBean(MeterRegistry.class).get("db.query").tags("operation", "select", "outcome", "success").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void failedStatementSpanCarriesTheError() {
		traced().run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			inARequest(context, () -> assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> jdbc.queryForList("select * from missing")));
			assertThat(context.getBean(FinishedSpans.class).named(JdbcStatementSpans.NAME)).singleElement()
				.satisfies((statement) -> {
					assertThat(statement.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
					assertThat(statement.getEvents()).anySatisfy((event) -> assertThat(event.getName()).isEqualTo("exception"));
				});
		});
	}

	@Test
	void bootsObservationPropertySwitchesStatementSpansOff() {
		traced().withPropertyValues("management.observations.enable.jdbc=false").run((context) -> {
			inARequest(context, () -> new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class));
			FinishedSpans spans = context.getBean(FinishedSpans.class);
			assertThat(spans.named("request")).hasSize(1);
			assertThat(spans.named(JdbcStatementSpans.NAME)).isEmpty();
			assertThat(context.getBean(MeterRegistry.class).get("db.query").tags("operation", "select", "outcome", "success").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void withoutATracerStatementsAreTimedAndMakeNoSpan() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class)).run((context) -> {
			inARequest(context, () -> new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class));
			assertThat(context.getBean(MeterRegistry.class).get("db.query").tags("operation", "select", "outcome", "success").timer().count()).isEqualTo(1);
			assertThat(context.getBean(MeterRegistry.class).find("jdbc.query").meters()).isEmpty();
		});
	}

	private ApplicationContextRunner traced() {
		OpenTelemetryClassPath.assumeTheSdkMatchesTheApi();
		return this.otelRunner;
	}

	private static void inARequest(ApplicationContext context, Runnable work) {
		Observation.createNotStarted("request", context.getBean(ObservationRegistry.class)).observe(work);
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
		return AopUtils.isAopProxy(dataSource) || dataSource instanceof TimedDataSource;
	}

	/** The spans the SDK ends, as an exporter would get them. */
	static final class FinishedSpans implements SpanProcessor {

		private final List<SpanData> ended = new CopyOnWriteArrayList<>();

		List<SpanData> named(String name) {
			return this.ended.stream().filter((span) -> span.getName().equals(name)).toList();
		}

		@Override
		public void onStart(Context parent, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			this.ended.add(span.toSpanData());
		}

		@Override
		public boolean isEndRequired() {
			return true;
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
