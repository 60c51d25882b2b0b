package dev.vantage.observability.autoconfigure.db;

import javax.sql.DataSource;

import dev.vantage.observability.autoconfigure.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of {@code db.query} and {@code db.query.slow} for every JDBC
 * {@link DataSource} bean, pooled or not, and every R2DBC {@code ConnectionFactory} bean.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnObservabilityEnabled(DbProperties.PREFIX)
@EnableConfigurationProperties(DbProperties.class)
public final class DataSourceMetricsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ DataSource.class, ProxyDataSourceBuilder.class })
	static class JdbcConfiguration {

		@Bean
		static DataSourceMetricsPostProcessor dataSourceMetricsPostProcessor(ObjectProvider<MeterRegistry> registry,
				ObjectProvider<DbProperties> properties, ObjectProvider<ObserverFailures> failures) {
			return new DataSourceMetricsPostProcessor(registry, properties, failures);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ConnectionFactory.class, ProxyConnectionFactory.class })
	static class R2dbcConfiguration {

		@Bean
		static ConnectionFactoryMetricsPostProcessor connectionFactoryMetricsPostProcessor(
				ObjectProvider<MeterRegistry> registry, ObjectProvider<DbProperties> properties, ObjectProvider<ObserverFailures> failures) {
			return new ConnectionFactoryMetricsPostProcessor(registry, properties, failures);
		}

	}

}
