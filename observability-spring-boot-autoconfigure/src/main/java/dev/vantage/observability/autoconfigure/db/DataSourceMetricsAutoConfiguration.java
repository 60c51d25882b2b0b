package dev.vantage.observability.autoconfigure.db;

import javax.sql.DataSource;

import dev.vantage.observability.autoconfigure.ConditionalOnObservabilityEnabled;
import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@code db.query} and {@code db.query.slow} for every
 * {@link DataSource} bean, pooled or not.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ DataSource.class, ProxyDataSourceBuilder.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnObservabilityEnabled(DbProperties.PREFIX)
@EnableConfigurationProperties(DbProperties.class)
public final class DataSourceMetricsAutoConfiguration {

	@Bean
	static DataSourceMetricsPostProcessor dataSourceMetricsPostProcessor(ObjectProvider<MeterRegistry> registry,
			ObjectProvider<DbProperties> properties) {
		return new DataSourceMetricsPostProcessor(registry, properties);
	}

}
