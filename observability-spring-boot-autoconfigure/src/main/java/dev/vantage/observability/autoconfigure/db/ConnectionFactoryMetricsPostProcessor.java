package dev.vantage.observability.autoconfigure.db;

import java.util.List;
import java.util.function.Supplier;

import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.callback.ProxyConfig;
import io.r2dbc.proxy.callback.ProxyConfigHolder;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.proxy.observation.ObservationProxyExecutionListener;
import io.r2dbc.proxy.observation.QueryContext;
import io.r2dbc.proxy.observation.QueryObservationConvention;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Times each statement of every R2DBC {@link ConnectionFactory} bean with r2dbc-proxy,
 * into the same {@code db.query} and {@code db.query.slow} meters as JDBC. A factory that
 * is an r2dbc-proxy proxy already (Boot decorates every factory it builds when r2dbc-proxy is
 * present, and applications build their own) keeps its object: the timing listener joins its
 * listeners, as a {@code ProxyConnectionFactoryCustomizer} would, but with the bean's name for
 * the {@code datasource} tag. Any other factory is replaced by a proxy, which implements
 * {@link Wrapped}, so code that unwraps (Boot's pool metrics among it) still finds the pool.
 * Recording touches meters only (and, for a slow statement, one log line): nothing that
 * blocks the event loop it runs on. When the application traces, a factory that has no
 * r2dbc-proxy observation listener (Boot adds one to the factories it builds) gets one, with
 * the same statement convention Boot's uses, so its statements are spans too.
 */
final class ConnectionFactoryMetricsPostProcessor extends QueryMetricsPostProcessor {

	private final ObjectProvider<QueryObservationConvention> conventions;

	ConnectionFactoryMetricsPostProcessor(ObjectProvider<MeterRegistry> registry, ObjectProvider<VantageDbProperties> properties,
			ObjectProvider<ObserverFailures> failures, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<QueryObservationConvention> conventions) {
		super(registry, properties, failures, observations);
		this.conventions = conventions;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof ConnectionFactory connectionFactory)) {
			return bean;
		}
		Supplier<ObservationRegistry> observations = observations();
		if (connectionFactory instanceof ProxyConfigHolder proxy) {
			ProxyConfig config = proxy.getProxyConfig();
			List<ProxyExecutionListener> listeners = config.getListeners().getListeners();
			if (listeners.stream().noneMatch(TimedQueries.class::isInstance)) {
				config.addListener(new TimedQueries(recorder(beanName)));
			}
			if (observations != null && listeners.stream()
				.noneMatch((listener) -> listener instanceof ObservationProxyExecutionListener || listener instanceof Spans)) {
				config.addListener(new Spans(observations, connectionFactory, this.conventions));
			}
			return bean;
		}
		ProxyConnectionFactory.Builder proxy = ProxyConnectionFactory.builder(connectionFactory)
			.listener(new TimedQueries(recorder(beanName)));
		if (observations != null) {
			proxy.listener(new Spans(observations, connectionFactory, this.conventions));
		}
		return proxy.build();
	}

	/**
	 * r2dbc-proxy's observation listener, made on the first statement: the observation
	 * registry cannot be looked up while a connection factory is being created.
	 */
	private static final class Spans implements ProxyExecutionListener {

		private final SingletonSupplier<ObservationProxyExecutionListener> listener;

		Spans(Supplier<ObservationRegistry> observations, ConnectionFactory connectionFactory,
				ObjectProvider<QueryObservationConvention> conventions) {
			this.listener = SingletonSupplier.of(() -> {
				ObservationProxyExecutionListener listener = new ObservationProxyExecutionListener(observations.get(),
						connectionFactory, null);
				conventions.ifAvailable(listener::setQueryObservationConvention);
				return listener;
			});
		}

		@Override
		public void beforeQuery(QueryExecutionInfo execInfo) {
			this.listener.obtain().beforeQuery(execInfo);
		}

		@Override
		public void afterQuery(QueryExecutionInfo execInfo) {
			this.listener.obtain().afterQuery(execInfo);
		}

		@Override
		public void eachQueryResult(QueryExecutionInfo execInfo) {
			this.listener.obtain().eachQueryResult(execInfo);
		}

	}

	/** r2dbc-proxy's statement convention, with each statement masked. */
	static final class MaskingConvention implements QueryObservationConvention {

		private final MaskedStatements masking;

		MaskingConvention(MaskedStatements masking) {
			this.masking = masking;
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(QueryContext context) {
			return this.masking.mask(QueryObservationConvention.super.getHighCardinalityKeyValues(context), "r2dbc.query[");
		}

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
