package dev.vantage.observability.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vantage.observability.db.DataSourceQueryMetrics;
import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.Scrape;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = { TestShopApplication.class, PostgresQueryMetricsTests.Spans.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "observability.db.slow-query-threshold=200ms", "management.tracing.sampling.probability=1.0" })
class PostgresQueryMetricsTests {

	/** Every span the application ends, as Boot's span processor hands it to an exporter bean. */
	static final List<SpanData> SPANS = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private final ListAppender<ILoggingEvent> slowQueries = new ListAppender<>();

	@BeforeEach
	void captureSlowQueryLog() {
		this.slowQueries.start();
		((Logger) LoggerFactory.getLogger(DataSourceQueryMetrics.SLOW_QUERY_LOGGER)).addAppender(this.slowQueries);
	}

	@AfterEach
	void release() {
		((Logger) LoggerFactory.getLogger(DataSourceQueryMetrics.SLOW_QUERY_LOGGER)).detachAppender(this.slowQueries);
	}

	@Test
	void eachStatementKindAppearsUnderItsOperation() {
		this.jdbc.execute("create table if not exists item (id bigint primary key, name varchar(64))");
		this.jdbc.update("delete from item");
		this.jdbc.update("insert into item (id, name) values (?, ?)", 1, "lamp");
		this.jdbc.queryForList("select * from item where id = ?", 1);
		this.jdbc.update("update item set name = ? where id = ?", "desk lamp", 1);
		this.jdbc.update("delete from item where id = ?", 1);
		assertThatExceptionOfType(BadSqlGrammarException.class)
			.isThrownBy(() -> this.jdbc.queryForList("select * from no_such_table"));

		Scrape scrape = new Http(this.port).scrape();
		for (String operation : List.of("select", "insert", "update", "delete", "other")) {
			assertThat(scrape.sum("db_query_seconds_count", "datasource", "dataSource", "operation", operation,
					"outcome", "success"))
				.as(operation)
				.isGreaterThanOrEqualTo(1);
		}
		assertThat(scrape.sum("db_query_seconds_count", "operation", "select", "outcome", "error")).isEqualTo(1);
		assertThat(scrape.has("db_query_seconds_bucket", "operation", "select", "le", "0.005")).isTrue();
		assertThat(scrape.has("db_query_slow_total", "datasource", "dataSource", "operation", "delete")).isTrue();
		assertThat(scrape.labelValues("hikaricp_connections", "pool")).isNotEmpty();
	}

	@Test
	void eachStatementIsAChildSpanOfItsRequestWithItsLiteralsMasked() {
		Http http = new Http(this.port);
		assertThat(http.get("/sql?statement=" + URLEncoder.encode(
				"select relname from pg_class where relname = 'secret-name' limit 1", StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(200);
		AttributeKey<String> statement = AttributeKey.stringKey("jdbc.query[0]");
		await("the statement's span").atMost(Duration.ofSeconds(20))
			.until(() -> SPANS.stream().anyMatch((span) -> span.getAttributes().get(statement) != null
						&& span.getAttributes().get(statement).contains("pg_class")));
		SpanData span = SPANS.stream()
			.filter((candidate) -> String.valueOf(candidate.getAttributes().get(statement)).contains("pg_class"))
			.findFirst()
			.orElseThrow();
		assertThat(span.getAttributes().get(statement)).isEqualTo("select relname from pg_class where relname = ? limit ?");
		assertThat(span.getAttributes().get(AttributeKey.stringKey("db.operation.name"))).isEqualTo("select");
		assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
		assertThat(span.getParentSpanContext().isValid()).as("a child of the request's span").isTrue();
		assertThat(SPANS).filteredOn((other) -> other.getTraceId().equals(span.getTraceId()))
			.anySatisfy((other) -> assertThat(other.getKind()).isEqualTo(SpanKind.SERVER));
		assertThat(span.toString()).doesNotContain("secret-name");
	}

	@Test
	void slowQueryIsCountedAndLoggedWithMaskedSqlAndTraceId() {
		Http http = new Http(this.port);
		double before = http.scrape().sum("db_query_slow_total", "datasource", "dataSource", "operation", "select");
		assertThat(http.get("/db/sleep").statusCode()).isEqualTo(200);

		assertThat(http.scrape().sum("db_query_slow_total", "datasource", "dataSource", "operation", "select"))
			.isEqualTo(before + 1);
		assertThat(this.slowQueries.list).hasSize(1);
		ILoggingEvent event = this.slowQueries.list.get(0);
		assertThat(event.getLevel()).hasToString("WARN");
		assertThat(event.getFormattedMessage()).contains("select pg_sleep(?)").doesNotContain("secret-literal", "42");
		assertThat(event.getKeyValuePairs()).extracting((pair) -> pair.key)
			.contains("datasource", "operation", "duration_ms", "sql");
		KeyValuePair duration = event.getKeyValuePairs().stream().filter((p) -> p.key.equals("duration_ms")).findFirst()
			.orElseThrow();
		assertThat((Long) duration.value).isGreaterThanOrEqualTo(300);
		assertThat(event.getMDCPropertyMap().get("traceId")).matches("[0-9a-f]{32}");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Spans {

		@Bean
		SpanExporter recordingSpanExporter() {
			return new SpanExporter() {

				@Override
				public CompletableResultCode export(Collection<SpanData> spans) {
					SPANS.addAll(spans);
					return CompletableResultCode.ofSuccess();
				}

				@Override
				public CompletableResultCode flush() {
					return CompletableResultCode.ofSuccess();
				}

				@Override
				public CompletableResultCode shutdown() {
					return CompletableResultCode.ofSuccess();
				}

			};
		}

	}

}
