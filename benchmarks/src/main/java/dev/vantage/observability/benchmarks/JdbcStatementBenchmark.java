package dev.vantage.observability.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.observation.tracing.ConnectionTracingObservationHandler;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation;
import net.ttddyy.observation.tracing.QueryTracingObservationHandler;
import net.ttddyy.observation.tracing.ResultSetTracingObservationHandler;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * One {@code PreparedStatement} on H2 in memory (prepare, one parameter, execute, read or
 * update one row, close), through each statement path: the driver alone ({@code raw}), the
 * starter without a tracer ({@code vantage}: the statement timer only), the starter with a
 * tracer sampling every span ({@code vantage-traced}: timer and span), and
 * datasource-micrometer as its Spring Boot module sets it up by default, which is what a user
 * adds by hand for JDBC spans and timers ({@code datasource-micrometer}: its listener on every
 * JDBC call, connection, query, fetch and generated-keys observations, their timers and spans,
 * with the starter's own statement path switched off). In the traced paths each statement runs
 * inside a request's sampled span (an observation in scope for the whole trial, as a server
 * observation is for a request), and spans end unexported. Run with {@code -prof gc}: the figure
 * is bytes and nanoseconds per statement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class JdbcStatementBenchmark {

	private static final String SELECT = "select name from product where id = ?";

	private static final String UPDATE = "update product set stock = stock + 1 where id = ?";

	@Param({ "raw", "vantage", "vantage-traced", "datasource-micrometer" })
	public String path;

	private ConfigurableApplicationContext context;

	private Connection connection;

	private Observation request;

	private Observation.Scope requestScope;

	@Setup(Level.Trial)
	public void start() throws SQLException {
		DataSource dataSource = "raw".equals(this.path) ? JdbcApplication.h2() : start(this.path).getBean(DataSource.class);
		this.connection = dataSource.getConnection();
		if (this.context != null && this.context.getBeanProvider(Tracer.class).getIfAvailable() != null) {
			this.request = Observation.start("request", this.context.getBean(ObservationRegistry.class));
			this.requestScope = this.request.openScope();
		}
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("create table product (id bigint primary key, name varchar(64), stock int)");
			statement.execute("insert into product values (42, 'espresso cup', 10)");
		}
	}

	private ConfigurableApplicationContext start(String path) {
		List<Class<?>> sources = new ArrayList<>(List.of(JdbcApplication.class));
		List<String> arguments = new ArrayList<>(List.of("--spring.application.name=jdbc-benchmark",
				"--observability.audit.enabled=false", "--management.tracing.sampling.probability=1.0"));
		switch (path) {
			case "vantage" -> arguments.add("--spring.autoconfigure.exclude=" + MicrometerTracingAutoConfiguration.class.getName()
					+ ",org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"
					+ ",org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration");
			case "vantage-traced" -> {
			}
			case "datasource-micrometer" -> {
				arguments.add("--observability.db.enabled=false");
				sources.add(DatasourceMicrometerByHand.class);
			}
			default -> throw new IllegalArgumentException("'path' is not a statement path: " + path);
		}
		SpringApplication application = new SpringApplication(sources.toArray(Class[]::new));
		application.setWebApplicationType(WebApplicationType.NONE);
		this.context = application.run(arguments.toArray(String[]::new));
		boolean traced = !"vantage".equals(path);
		if (this.context.getBeanProvider(Tracer.class).getIfAvailable() != null != traced) {
			throw new IllegalStateException(path + ": a tracer " + (traced ? "missing" : "present"));
		}
		return this.context;
	}

	@TearDown(Level.Trial)
	public void stop() throws SQLException {
		if (this.request != null) {
			this.requestScope.close();
			this.request.stop();
		}
		this.connection.close();
		if (this.context != null) {
			this.context.close();
		}
	}

	/** A read: one row by its key. */
	@Benchmark
	public String select() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(SELECT)) {
			statement.setLong(1, 42);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
	}

	/** A write: one row changed by its key (the span carries the rows changed). */
	@Benchmark
	public int update() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(UPDATE)) {
			statement.setLong(1, 42);
			return statement.executeUpdate();
		}
	}

	/**
	 * The application: an H2 data source in memory, without a pool, and the auto-configuration
	 * of the starter. Not a configuration class, so that the other benchmarks' applications,
	 * which scan this package, do not pick up its data source.
	 */
	@EnableAutoConfiguration
	public static class JdbcApplication {

		@Bean
		DataSource dataSource() {
			return h2();
		}

		static DataSource h2() {
			JdbcDataSource h2 = new JdbcDataSource();
			h2.setURL("jdbc:h2:mem:bench-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
			return h2;
		}

	}

	/**
	 * What datasource-micrometer's Spring Boot module sets up by default: its listener for
	 * every query and every JDBC method, connection, query, fetch and generated-keys
	 * observations, result sets and generated keys proxied, and its tracing handlers ahead of
	 * Boot's.
	 */
	public static class DatasourceMicrometerByHand {

		private static final int TRACING_ORDER = MicrometerTracingAutoConfiguration.DEFAULT_TRACING_OBSERVATION_HANDLER_ORDER
				- 1000;

		@Bean
		static BeanPostProcessor datasourceMicrometer(ObjectProvider<ObservationRegistry> registry) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof DataSource dataSource)) {
						return bean;
					}
					DataSourceObservationListener listener = new DataSourceObservationListener(registry::getObject);
					listener.setSupportedTypes(Set.of(JdbcObservationDocumentation.CONNECTION, JdbcObservationDocumentation.QUERY,
							JdbcObservationDocumentation.RESULT_SET, JdbcObservationDocumentation.GENERATED_KEYS));
					return ProxyDataSourceBuilder.create(name, dataSource)
						.listener(listener)
						.methodListener(listener)
						.proxyResultSet()
						.proxyGeneratedKeys()
						.build();
				}
			};
		}

		@Bean
		@Order(TRACING_ORDER)
		ConnectionTracingObservationHandler connectionTracingObservationHandler(Tracer tracer) {
			return new ConnectionTracingObservationHandler(tracer);
		}

		@Bean
		@Order(TRACING_ORDER)
		QueryTracingObservationHandler queryTracingObservationHandler(Tracer tracer) {
			return new QueryTracingObservationHandler(tracer);
		}

		@Bean
		@Order(TRACING_ORDER)
		ResultSetTracingObservationHandler resultSetTracingObservationHandler(Tracer tracer) {
			return new ResultSetTracingObservationHandler(tracer);
		}

	}

}
