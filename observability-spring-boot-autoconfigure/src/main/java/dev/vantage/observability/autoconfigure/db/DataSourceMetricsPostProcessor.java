package dev.vantage.observability.autoconfigure.db;

import java.util.Arrays;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import net.ttddyy.dsproxy.proxy.NanoTimeStopwatchFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopConfigException;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Times each statement of every {@link DataSource} bean with datasource-proxy. The bean is
 * replaced by a proxy of its own class (a {@code HikariDataSource} stays a
 * {@code HikariDataSource}, so injection by type and pool metrics keep working) whose
 * connections come from a datasource-proxy {@link ProxyDataSource}; every other call goes to
 * the original. A data source whose class cannot be subclassed is replaced by the
 * {@link ProxyDataSource} itself; one that is a {@link ProxyDataSource} already is left
 * alone, as its owner chose its listeners. When the application traces
 * and datasource-micrometer is present, its listener joins the same proxy, so each statement
 * is also a span. Runs last, so other post-processors see the original.
 */
final class DataSourceMetricsPostProcessor extends QueryMetricsPostProcessor {

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
		QueryMetricsListener listener = new QueryMetricsListener(recorder(beanName));
		ProxyConfig.Builder config = ProxyConfig.Builder.create()
			.dataSourceName(beanName)
			.queryListener(listener)
			.stopwatchFactory(new NanoTimeStopwatchFactory());
		Supplier<ObservationRegistry> observations = observations();
		JdbcStatementSpans spans = (observations != null) ? this.spans.getIfAvailable() : null;
		if (spans != null) {
			spans.addTo(config, observations);
		}
		ProxyDataSource proxy = new ProxyDataSource(dataSource);
		proxy.setProxyConfig(config.build());
		return keepingItsClass(dataSource, proxy);
	}

	private static boolean timedAlready(Object bean) {
		return bean instanceof ProxyDataSource || (bean instanceof Advised advised
				&& Arrays.stream(advised.getAdvisors()).anyMatch((advisor) -> advisor.getAdvice() instanceof TimedConnections));
	}

	private static DataSource keepingItsClass(DataSource dataSource, ProxyDataSource timed) {
		ProxyFactory factory = new ProxyFactory(dataSource);
		factory.setProxyTargetClass(true);
		factory.addAdvice(new TimedConnections(timed));
		try {
			return (DataSource) factory.getProxy(dataSource.getClass().getClassLoader());
		}
		catch (AopConfigException | IllegalArgumentException ex) {
			return timed;
		}
	}

	/** Hands out the timed data source's connections; everything else reaches the original. */
	private static final class TimedConnections implements MethodInterceptor {

		private final ProxyDataSource timed;

		TimedConnections(ProxyDataSource timed) {
			this.timed = timed;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			if (invocation.getMethod().getName().equals("getConnection")) {
				Object[] arguments = invocation.getArguments();
				return (arguments.length == 0) ? this.timed.getConnection()
						: this.timed.getConnection((String) arguments[0], (String) arguments[1]);
			}
			return invocation.proceed();
		}

	}

}
