package dev.vantage.observability.autoconfigure.db;

import java.time.Duration;
import java.util.List;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.health.DependencyHealthAutoConfiguration;
import dev.vantage.observability.health.DependencyHealthChecker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.callback.ProxyConfigHolder;
import io.r2dbc.proxy.observation.ObservationProxyExecutionListener;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionFactoryMetricsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(H2ConnectionFactory.class)
		.withConfiguration(MetricsConfigurations.withRegistry(DataSourceMetricsAutoConfiguration.class,
				DependencyHealthAutoConfiguration.class));

	@Test
	void everyConnectionFactoryIsTimedIntoTheJdbcMetersWithItsOperation() {
		this.contextRunner.withPropertyValues("observability.db.slow-query-threshold=1ns").run((context) -> {
			ConnectionFactory connectionFactory = context.getBean(ConnectionFactory.class);
			assertThat(connectionFactory).isInstanceOf(ProxyConfigHolder.class).isInstanceOf(Wrapped.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("db.query.slow").tag("datasource", "orders").counters()).hasSize(5);
			execute(connectionFactory, "create table item (id int)");
			execute(connectionFactory, "insert into item values (1)");
			execute(connectionFactory, "select id from item");
			assertThat(registry.get("db.query").tags("datasource", "orders", "operation", "select", "outcome", "success")
				.timer().count()).isEqualTo(1);
			assertThat(registry.get("db.query").tags("operation", "insert").timer().count()).isEqualTo(1);
			assertThat(registry.get("db.query.slow").tags("operation", "other").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void failedStatementCountsAsError() {
		this.contextRunner.run((context) -> {
			ConnectionFactory connectionFactory = context.getBean(ConnectionFactory.class);
			assertThat(Mono.usingWhen(connectionFactory.create(),
					(Connection connection) -> Flux.from(connection.createStatement("select * from missing").execute())
						.flatMap((result) -> result.map((row, metadata) -> String.valueOf(row.get(0))))
						.collectList(),
					Connection::close)
				.onErrorComplete()
				.block()).isNull();
			assertThat(context.getBean(MeterRegistry.class)
				.get("db.query")
				.tags("operation", "select", "outcome", "error")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void connectionFactoryIsADependencyWithItsOwnCheck() {
		this.contextRunner.run((context) -> {
			DependencyHealthChecker checker = context.getBean(DependencyHealthChecker.class);
			assertThat(checker.status("orders").up()).isTrue();
			assertThat(checker.status("orders").allDetails()).containsKey("latencyMs");
		});
	}

	@Test
	void factoryProxiedAlreadyKeepsItsObjectAndIsTimedUnderItsBeanName() {
		// Boot decorates every factory it builds with r2dbc-proxy in the same way.
		this.contextRunner.withUserConfiguration(UserProxied.class).run((context) -> {
			ConnectionFactory proxied = context.getBean("userProxied", ConnectionFactory.class);
			assertThat(proxied).isSameAs(UserProxied.built);
			assertThat(((Wrapped<?>) proxied).unwrap()).isNotInstanceOf(ProxyConfigHolder.class);
			execute(proxied, "create table thing (id int)");
			execute(proxied, "select id from thing");
			assertThat(context.getBean(MeterRegistry.class)
				.get("db.query")
				.tags("datasource", "userProxied", "operation", "select")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void whenTheApplicationTracesEachStatementIsAnObservationWithItsLiteralsMaskedAndNoSecondTimer() {
		this.contextRunner.withUserConfiguration(TracedObservations.class).run((context) -> {
			ConnectionFactory connectionFactory = context.getBean(ConnectionFactory.class);
			execute(connectionFactory, "create table account (id int, owner varchar(20))");
			execute(connectionFactory, "insert into account values (7, 'alice@example.com')");
			List<Observation.Context> statements = TracedObservations.stopped("r2dbc.query");
			assertThat(statements).hasSize(2);
			assertThat(statements.get(1).getHighCardinalityKeyValue("r2dbc.query[0]").getValue())
				.isEqualTo("insert into account values (?, ?)");
			assertThat(statements.get(1).getHighCardinalityKeyValue(MaskedStatements.OPERATION).getValue())
				.isEqualTo("insert");
			assertThat(statements.toString()).doesNotContain("alice@example.com");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("r2dbc.query").meters()).isEmpty();
			assertThat(registry.get("db.query").tags("operation", "insert", "outcome", "success").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void factoryWithAnObservationListenerAlreadyGetsNoSecond() {
		this.contextRunner.withUserConfiguration(TracedObservations.class, UserObserved.class).run((context) -> {
			execute(context.getBean("userObserved", ConnectionFactory.class), "create table thing (id int)");
			assertThat(TracedObservations.stopped("r2dbc.query")).hasSize(1);
		});
	}

	@Test
	void withoutATracerStatementsMakeNoObservation() {
		this.contextRunner.withUserConfiguration(TracedObservations.Untraced.class).run((context) -> {
			execute(context.getBean(ConnectionFactory.class), "create table thing (id int)");
			assertThat(TracedObservations.stopped("r2dbc.query")).isEmpty();
		});
	}

	@Test
	void backsOffWithoutR2dbcProxy() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ProxyConnectionFactory.class))
			.run((context) -> assertThat(context.getBean(ConnectionFactory.class))
				.isNotInstanceOf(ProxyConfigHolder.class));
	}

	@Test
	void switchedOffByProperty() {
		this.contextRunner.withPropertyValues("observability.db.enabled=false")
			.run((context) -> assertThat(context.getBean(ConnectionFactory.class))
				.isNotInstanceOf(ProxyConfigHolder.class));
	}

	private static void execute(ConnectionFactory connectionFactory, String sql) {
		Mono.usingWhen(connectionFactory.create(),
				(Connection connection) -> Flux.from(connection.createStatement(sql).execute())
					.flatMap((result) -> result.getRowsUpdated())
					.then(),
				Connection::close)
			.block(Duration.ofSeconds(5));
	}

	@Configuration(proxyBeanMethods = false)
	static class H2ConnectionFactory {

		@Bean
		ConnectionFactory orders() {
			return ConnectionFactories.get("r2dbc:h2:mem:///orders;DB_CLOSE_DELAY=-1");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserObserved {

		@Bean
		ConnectionFactory userObserved(ObservationRegistry observations) {
			ConnectionFactory h2 = ConnectionFactories.get("r2dbc:h2:mem:///observed;DB_CLOSE_DELAY=-1");
			return ProxyConnectionFactory.builder(h2)
				.listener(new ObservationProxyExecutionListener(observations, h2, null))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserProxied {

		static volatile ConnectionFactory built;

		@Bean
		ConnectionFactory userProxied() {
			built = ProxyConnectionFactory.builder(ConnectionFactories.get("r2dbc:h2:mem:///user;DB_CLOSE_DELAY=-1"))
				.build();
			return built;
		}

	}

}
