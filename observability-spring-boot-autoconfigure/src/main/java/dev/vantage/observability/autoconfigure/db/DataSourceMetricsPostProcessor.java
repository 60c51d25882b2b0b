package dev.vantage.observability.autoconfigure.db;

import java.sql.Connection;
import java.util.Arrays;

import javax.sql.DataSource;

import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopConfigException;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Times each statement of every {@link DataSource} bean, and makes it a span when the
 * application traces. The bean is replaced by a proxy of its own class (a
 * {@code HikariDataSource} stays a {@code HikariDataSource}, so injection by type and pool
 * metrics keep working) whose connections are {@link TimedConnection}s around the original's;
 * every other call goes to the original. A data source whose class cannot be subclassed is
 * wrapped in a {@link TimedDataSource}; one that is a datasource-proxy {@code ProxyDataSource}
 * already is left alone, as its owner chose its listeners. Runs last, so other post-processors
 * see the original.
 */
final class DataSourceMetricsPostProcessor extends QueryMetricsPostProcessor {

	private static final String PROXY_DATA_SOURCE = "net.ttddyy.dsproxy.support.ProxyDataSource";

	private final ObjectProvider<JdbcStatementSpans> spans;

	DataSourceMetricsPostProcessor(ObjectProvider<MeterRegistry> registry, ObjectProvider<VantageDbProperties> properties,
			ObjectProvider<ObserverFailures> failures, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<JdbcStatementSpans> spans) {
		super(registry, properties, failures, observations);
		this.spans = spans;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource) || timedAlready(bean)) {
			return bean;
		}
		StatementObserver observer = new StatementObserver(beanName, recorder(beanName), this.spans.getIfAvailable());
		ProxyFactory factory = new ProxyFactory(dataSource);
		factory.setProxyTargetClass(true);
		factory.addAdvice(new TimedConnections(observer));
		try {
			return factory.getProxy(dataSource.getClass().getClassLoader());
		}
		catch (AopConfigException | IllegalArgumentException ex) {
			return new TimedDataSource(dataSource, observer);
		}
	}

	private static boolean timedAlready(Object bean) {
		if (bean instanceof TimedDataSource || (bean instanceof Advised advised
				&& Arrays.stream(advised.getAdvisors()).anyMatch((advisor) -> advisor.getAdvice() instanceof TimedConnections))) {
			return true;
		}
		for (Class<?> type = bean.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(PROXY_DATA_SOURCE)) {
				return true;
			}
		}
		return false;
	}

	/** Hands out the original's connections timed; everything else reaches the original. */
	private static final class TimedConnections implements MethodInterceptor {

		private final StatementObserver observer;

		TimedConnections(StatementObserver observer) {
			this.observer = observer;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Object result = invocation.proceed();
			return (result instanceof Connection connection && invocation.getMethod().getName().equals("getConnection"))
					? new TimedConnection(connection, this.observer) : result;
		}

	}

}
