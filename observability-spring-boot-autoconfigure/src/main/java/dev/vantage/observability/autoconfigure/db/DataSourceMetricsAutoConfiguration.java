package dev.vantage.observability.autoconfigure.db;

import javax.sql.DataSource;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.observation.QueryObservationConvention;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Auto-configuration of {@code db.query} and {@code db.query.slow} for every JDBC
 * {@link DataSource} bean, pooled or not, and every R2DBC {@code ConnectionFactory} bean,
 * and, when the application traces, of a span per statement: for JDBC from the same
 * interception that times it ({@link TimedConnection}), for R2DBC from r2dbc-proxy's
 * observation listener on the same proxy.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnObservabilityEnabled(VantageDbProperties.PREFIX)
@EnableConfigurationProperties(VantageDbProperties.class)
public final class DataSourceMetricsAutoConfiguration {

	private static final String DATASOURCE_MICROMETER_BOOT = "net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration";

	private static final String BOOT_R2DBC_OBSERVATIONS = "org.springframework.boot.r2dbc.autoconfigure.observation.R2dbcObservationAutoConfiguration";

	@Bean
	static MaskedStatements vantageMaskedStatements(ObjectProvider<ObserverFailures> failures) {
		return new MaskedStatements(failures);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataSource.class)
	static class JdbcConfiguration {

		@Bean
		static DataSourceMetricsPostProcessor dataSourceMetricsPostProcessor(ObjectProvider<MeterRegistry> registry,
				ObjectProvider<VantageDbProperties> properties, ObjectProvider<ObserverFailures> failures,
				ObjectProvider<ObservationRegistry> observations, ObjectProvider<JdbcStatementSpans> spans) {
			return new DataSourceMetricsPostProcessor(registry, properties, failures, observations, spans);
		}

		/**
		 * Statement spans, unless datasource-micrometer's Spring Boot module is there to make
		 * its own observations of every JDBC call (then it owns the spans and their meters).
		 */
		@Bean
		@ConditionalOnMissingClass(DATASOURCE_MICROMETER_BOOT)
		static JdbcStatementSpans vantageJdbcStatementSpans(MaskedStatements masking,
				ObjectProvider<ObserverFailures> failures, ListableBeanFactory beans) {
			return new JdbcStatementSpans(masking, failures, beans);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ConnectionFactory.class, ProxyConnectionFactory.class })
	static class R2dbcConfiguration {

		@Bean
		static ConnectionFactoryMetricsPostProcessor connectionFactoryMetricsPostProcessor(
				ObjectProvider<MeterRegistry> registry, ObjectProvider<VantageDbProperties> properties,
				ObjectProvider<ObserverFailures> failures, ObjectProvider<ObservationRegistry> observations,
				ObjectProvider<QueryObservationConvention> conventions) {
			return new ConnectionFactoryMetricsPostProcessor(registry, properties, failures, observations, conventions);
		}

		/** The statement convention of r2dbc-proxy's observations, Boot's and Vantage's alike. */
		@Bean
		@ConditionalOnMissingBean
		static QueryObservationConvention vantageR2dbcQueryObservationConvention(MaskedStatements masking) {
			return new ConnectionFactoryMetricsPostProcessor.MaskingConvention(masking);
		}

		/**
		 * Without Boot's R2DBC observations, the statement observations are Vantage's alone, and
		 * their timers would repeat {@code db.query}. With them, their timers are Boot's and stay.
		 */
		@Bean
		@ConditionalOnMissingClass(BOOT_R2DBC_OBSERVATIONS)
		MeterFilter vantageR2dbcStatementTimersDenied() {
			return MeterFilter.denyNameStartsWith("r2dbc.query");
		}

		@Bean
		@ConditionalOnMissingClass(BOOT_R2DBC_OBSERVATIONS)
		@Order(Ordered.HIGHEST_PRECEDENCE)
		static StatementTimersSkipped vantageR2dbcStatementTimersSkipped() {
			return new StatementTimersSkipped(io.r2dbc.proxy.observation.QueryContext.class);
		}

	}

}
