package dev.vantage.observability.autoconfigure.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.vantage.observability.autoconfigure.ObservabilityProperties;
import dev.vantage.observability.db.DataSourceQueryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.proxy.NanoTimeStopwatchFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.support.ProxyDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Wraps every {@link DataSource} bean in a datasource-proxy {@link ProxyDataSource} that
 * times each statement. Runs last, so pool metrics and other post-processors see the
 * original data source; Boot unwraps the proxy where it needs the pool.
 */
final class DataSourceMetricsPostProcessor implements BeanPostProcessor, SmartInitializingSingleton, Ordered {

	private final ObjectProvider<MeterRegistry> registry;

	private final ObjectProvider<ObservabilityProperties> properties;

	private final List<QueryMetricsListener> listeners = new CopyOnWriteArrayList<>();

	DataSourceMetricsPostProcessor(ObjectProvider<MeterRegistry> registry,
			ObjectProvider<ObservabilityProperties> properties) {
		this.registry = registry;
		this.properties = properties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource) || bean instanceof ProxyDataSource) {
			return bean;
		}
		QueryMetricsListener listener = new QueryMetricsListener(() -> {
			ObservabilityProperties.Db db = this.properties.getObject().getDb();
			return new DataSourceQueryMetrics(this.registry.getObject(), beanName, db.getSlowQueryThreshold(),
					db.getSlo());
		});
		this.listeners.add(listener);
		ProxyDataSource proxy = new ProxyDataSource(dataSource);
		proxy.setProxyConfig(ProxyConfig.Builder.create()
			.dataSourceName(beanName)
			.queryListener(listener)
			.stopwatchFactory(new NanoTimeStopwatchFactory())
			.build());
		return proxy;
	}

	/** Registers every data source's meters at startup, so they show zero before any query. */
	@Override
	public void afterSingletonsInstantiated() {
		this.listeners.forEach(QueryMetricsListener::registerMeters);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
