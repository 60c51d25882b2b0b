package dev.vantage.observability.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.vantage.observability.testsupport.EmbeddedPostgresServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's statement path against what JDBC promises, on H2 and on a real PostgreSQL: the
 * same application (a Hikari pool, Flyway migrations in schema {@code app} and a Liquibase
 * changelog in the default one, JPA with Hibernate, Spring JDBC) runs the same work with the starter's database concern switched off and on, and every
 * answer is the same: unwrapping to the driver's types, {@code getConnection()} and
 * {@code getStatement()} answering the objects that made them, batches, generated keys,
 * callable statements, result-set holdability, closing, and the driver's own exceptions. With
 * it on, the work's statements are timed, batches and failures included.
 */
class JdbcConformanceTests {

	enum Database {

		H2 {
			@Override
			String url() {
				return "jdbc:h2:mem:conformance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
			}

			@Override
			Class<?> driverConnection() throws ClassNotFoundException {
				return Class.forName("org.h2.jdbc.JdbcConnection");
			}

			@Override
			Class<?> driverStatement() throws ClassNotFoundException {
				return Class.forName("org.h2.jdbc.JdbcStatement");
			}
		},

		POSTGRESQL {
			@Override
			String url() throws SQLException {
				String name = "conformance_" + UUID.randomUUID().toString().replace("-", "");
				try (Connection admin = DriverManager.getConnection(EmbeddedPostgresServer.get().getJdbcUrl("postgres", "postgres"),
						"postgres", "postgres"); Statement statement = admin.createStatement()) {
					statement.execute("create database " + name);
				}
				return EmbeddedPostgresServer.get().getJdbcUrl("postgres", name);
			}

			@Override
			Class<?> driverConnection() throws ClassNotFoundException {
				return Class.forName("org.postgresql.PGConnection");
			}

			@Override
			Class<?> driverStatement() throws ClassNotFoundException {
				return Class.forName("org.postgresql.PGStatement");
			}
		};

		/**
		 * The schema of the Flyway migrations as Flyway names it (it quotes the name): what the
		 * database makes of {@code app} unquoted.
		 */
		String schema() {
			return (this == H2) ? "APP" : "app";
		}

		/** A new, empty database. */
		abstract String url() throws SQLException;

		abstract Class<?> driverConnection() throws ClassNotFoundException;

		abstract Class<?> driverStatement() throws ClassNotFoundException;

	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void theStatementPathChangesNoAnswerOfJdbcOrTheFrameworksOnTop(Database database) throws Exception {
		Map<String, Object> without;
		try (ConfigurableApplicationContext application = start(database, false)) {
			without = work(application, database);
			assertThat(application.getBean(MeterRegistry.class).find("db.query").timers()).isEmpty();
		}
		try (ConfigurableApplicationContext application = start(database, true)) {
			MeterRegistry registry = application.getBean(MeterRegistry.class);
			double migrations = statements(registry, "success");
			Map<String, Object> with = work(application, database);
			assertThat(with).as("the answers with the starter's statement path").containsExactlyEntriesOf(without);
			assertThat(migrations).as("the migrations' statements, timed").isPositive();
			assertThat(statements(registry, "success") - migrations).as("the work's statements, timed")
				.isGreaterThanOrEqualTo(15);
			assertThat(statements(registry, "error")).as("the failed executions, timed (H2 fails the prepared one when preparing it)")
				.isGreaterThanOrEqualTo(1);
		}
		assertThat(without).containsEntry("statement.getConnection() is its connection", true)
			.containsEntry("prepared.getConnection() is its connection", true)
			.containsEntry("callable.getConnection() is its connection", true)
			.containsEntry("resultSet.getStatement() is its statement", true)
			.containsEntry("generatedKeys.getStatement() is its statement", true)
			.containsEntry("connection unwraps to the driver's", true)
			.containsEntry("statement unwraps to the driver's", true)
			.containsEntry("callable abs(-5)", 5)
			.containsEntry("flyway migrations", 1)
			.containsEntry("liquibase note", "written by Liquibase")
			.containsEntry("jpa customers", 3L);
	}

	private static ConfigurableApplicationContext start(Database database, boolean observed) throws SQLException {
		return new SpringApplicationBuilder(ConformanceApplication.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=postgres",
					"spring.datasource.password=postgres", "spring.jpa.hibernate.ddl-auto=validate", "spring.flyway.schemas=" + database.schema(),
					"spring.jpa.properties.hibernate.jdbc.batch_size=10", "spring.jpa.open-in-view=false",
					"observability.audit.enabled=false", "observability.db.enabled=" + observed)
			.run();
	}

	private static double statements(MeterRegistry registry, String outcome) {
		return registry.find("db.query").tag("outcome", outcome).timers().stream().mapToDouble(Timer::count).sum();
	}

	/** The same work, and what each step answered. */
	private static Map<String, Object> work(ConfigurableApplicationContext application, Database database)
			throws Exception {
		Map<String, Object> answers = new LinkedHashMap<>();
		DataSource dataSource = application.getBean(DataSource.class);
		Connection connection = dataSource.getConnection();
		try (connection) {
			answers.put("connection unwraps to the driver's", database.driverConnection()
				.isInstance(connection.unwrap(database.driverConnection())) && connection.isWrapperFor(database.driverConnection()));
			answers.put("connection is a wrapper for Connection", connection.isWrapperFor(Connection.class));
			answers.put("connection holdability", connection.getHoldability());
			try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
					ResultSet.HOLD_CURSORS_OVER_COMMIT)) {
				answers.put("statement.getConnection() is its connection", statement.getConnection() == connection);
				answers.put("statement unwraps to the driver's", database.driverStatement()
					.isInstance(statement.unwrap(database.driverStatement())) && statement.isWrapperFor(database.driverStatement()));
				answers.put("statement holdability", statement.getResultSetHoldability());
				statement.addBatch("insert into app.account (name) values ('first')");
				statement.addBatch("insert into app.account (name) values ('second')");
				answers.put("statement batch", Arrays.toString(statement.executeBatch()));
				try (ResultSet rows = statement.executeQuery("select count(*) from app.account")) {
					answers.put("resultSet.getStatement() is its statement", rows.getStatement() == statement);
					rows.next();
					answers.put("accounts after the statement batch", rows.getLong(1));
				}
				answers.put("execute answers a result set", statement.execute("select name from app.account order by id"));
				try (ResultSet rows = statement.getResultSet()) {
					rows.next();
					answers.put("first account", rows.getString(1));
					answers.put("getResultSet().getStatement() is its statement", rows.getStatement() == statement);
				}
			}
			try (PreparedStatement insert = connection.prepareStatement("insert into app.account (name) values (?)")) {
				answers.put("prepared.getConnection() is its connection", insert.getConnection() == connection);
				for (String name : List.of("third", "fourth", "fifth")) {
					insert.setString(1, name);
					insert.addBatch();
				}
				answers.put("prepared batch", Arrays.toString(insert.executeBatch()));
				insert.setString(1, "sixth");
				answers.put("prepared update", insert.executeUpdate());
				answers.put("prepared large update", insert.executeLargeUpdate());
			}
			try (PreparedStatement insert = connection.prepareStatement("insert into app.account (name) values (?)",
					Statement.RETURN_GENERATED_KEYS)) {
				insert.setString(1, "keyed");
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					answers.put("generatedKeys.getStatement() is its statement", keys.getStatement() == insert);
					answers.put("a generated key", keys.next() && keys.getLong(1) > 0);
				}
			}
			try (PreparedStatement insert = connection.prepareStatement("insert into app.account (name) values (?)",
					new String[] { "id" })) {
				insert.setString(1, "keyed by column");
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					answers.put("a generated key by column name", keys.next() && keys.getLong(1) > 0);
				}
			}
			try (CallableStatement abs = connection.prepareCall("{? = call abs(?)}")) {
				answers.put("callable.getConnection() is its connection", abs.getConnection() == connection);
				abs.registerOutParameter(1, Types.INTEGER);
				abs.setInt(2, -5);
				abs.execute();
				answers.put("callable abs(-5)", abs.getInt(1));
			}
			answers.put("missing table, statement", failure(() -> {
				try (Statement statement = connection.createStatement()) {
					statement.executeQuery("select * from no_such_table");
				}
			}));
			answers.put("missing table, prepared", failure(() -> {
				try (PreparedStatement statement = connection.prepareStatement("select * from no_such_table where id = ?")) {
					statement.setLong(1, 1);
					statement.executeQuery();
				}
			}));
			Statement closing = connection.createStatement();
			closing.close();
			answers.put("closed statement", closing.isClosed());
		}
		answers.put("closed connection", connection.isClosed());

		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		answers.put("spring jdbc batch", Arrays.toString(jdbc.batchUpdate("insert into app.account (name) values (?)",
				List.of(new Object[] { "batched one" }, new Object[] { "batched two" }))));
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update((made) -> {
			PreparedStatement insert = made.prepareStatement("insert into app.account (name) values (?)", new String[] { "id" });
			insert.setString(1, "with a key holder");
			return insert;
		}, key);
		answers.put("spring jdbc key", key.getKey() != null);
		answers.put("spring jdbc accounts", jdbc.queryForObject("select count(*) from app.account", Long.class));
		answers.put("flyway migrations",
				jdbc.queryForObject("select count(*) from app.\"flyway_schema_history\" where \"version\" = '1' and \"success\" = true", Integer.class));
		answers.put("liquibase note", jdbc.queryForObject("select text from note where id = 1", String.class));

		Customers customers = application.getBean(Customers.class);
		customers.saveAll(List.of(new Customer("ada"), new Customer("grace"), new Customer("edsger")));
		answers.put("jpa customers", customers.count());
		answers.put("jpa names", customers.findAll().stream().map(Customer::getName).sorted().toList());
		return answers;
	}

	/** The exception a step threw, as the driver made it: its type and SQL state. */
	private static String failure(SqlStep step) {
		try {
			step.run();
			return "none";
		}
		catch (SQLException ex) {
			return ex.getClass().getName() + " " + ex.getSQLState();
		}
	}

	@FunctionalInterface
	interface SqlStep {

		void run() throws SQLException;

	}

}
