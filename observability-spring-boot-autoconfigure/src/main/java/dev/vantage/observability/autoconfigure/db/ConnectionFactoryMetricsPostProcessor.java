package dev.vantage.observability.autoconfigure.db;

import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.callback.ProxyConfig;
import io.r2dbc.proxy.callback.ProxyConfigHolder;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Times each statement of every R2DBC {@link ConnectionFactory} bean with r2dbc-proxy,
 * into the same {@code db.query} and {@code db.query.slow} meters as JDBC. A factory that
 * is an r2dbc-proxy proxy already (Boot decorates every factory it builds when r2dbc-proxy is
 * present, and applications build their own) keeps its object: the timing listener joins its
 * listeners, as a {@code ProxyConnectionFactoryCustomizer} would, but with the bean's name for
 * the {@code datasource} tag. Any other factory is replaced by a proxy, which implements
 * {@link Wrapped}, so code that unwraps (Boot's pool metrics among it) still finds the pool.
 * Recording touches meters only (and, for a slow statement, one log line): nothing that
 * blocks the event loop it runs on.
 */
final class ConnectionFactoryMetricsPostProcessor extends QueryMetricsPostProcessor {

	ConnectionFactoryMetricsPostProcessor(ObjectProvider<MeterRegistry> registry, ObjectProvider<DbProperties> properties,
			ObjectProvider<ObserverFailures> failures) {
		super(registry, properties, failures);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof ConnectionFactory connectionFactory)) {
			return bean;
		}
		if (connectionFactory instanceof ProxyConfigHolder proxy) {
			ProxyConfig config = proxy.getProxyConfig();
			if (config.getListeners().getListeners().stream().noneMatch(TimedQueries.class::isInstance)) {
				config.addListener(new TimedQueries(recorder(beanName)));
			}
			return bean;
		}
		return ProxyConnectionFactory.builder(connectionFactory)
			.listener(new TimedQueries(recorder(beanName)))
			.build();
	}

	/** Feeds each executed statement of one connection factory into its meters. */
	private static final class TimedQueries implements ProxyExecutionListener {

		private static final Object RECORDED = TimedQueries.class;

		private final QueryMetricsPostProcessor.Recorder recorder;

		TimedQueries(QueryMetricsPostProcessor.Recorder recorder) {
			this.recorder = recorder;
		}

		@Override
		public void afterQuery(QueryExecutionInfo execInfo) {
			// r2dbc-proxy reports an execution again when its results are consumed, and an error
			// raised while reading results (PostgreSQL reports most errors there) leaves
			// isSuccess() true with the error set: one record per execution, failed if either says so.
			if (execInfo.getValueStore().get(RECORDED) != null) {
				return;
			}
			execInfo.getValueStore().put(RECORDED, Boolean.TRUE);
			String sql = execInfo.getQueries().isEmpty() ? "" : execInfo.getQueries().get(0).getQuery();
			boolean success = execInfo.isSuccess() && execInfo.getThrowable() == null;
			this.recorder.record(sql, success, execInfo.getExecuteDuration().toNanos());
		}

	}

}
