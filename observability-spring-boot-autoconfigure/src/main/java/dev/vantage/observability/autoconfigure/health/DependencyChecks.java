package dev.vantage.observability.autoconfigure.health;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.vantage.observability.health.DataSourceCheck;
import dev.vantage.observability.health.DependencyCheck;
import dev.vantage.observability.health.HttpDependencyCheck;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * Finds the application's dependencies: every {@link DataSource} and R2DBC connection
 * factory, every Redis connection factory (blocking or reactive), every HTTP dependency declared under {@code observability.health.http}, and
 * every {@link DependencyCheck} bean of the application's own.
 */
final class DependencyChecks {

	private static final boolean R2DBC_PRESENT = ClassUtils.isPresent("io.r2dbc.spi.ConnectionFactory",
			DependencyChecks.class.getClassLoader())
			&& ClassUtils.isPresent("reactor.core.publisher.Mono", DependencyChecks.class.getClassLoader());

	private static final boolean REDIS_PRESENT = ClassUtils.isPresent(
			"org.springframework.data.redis.connection.RedisConnectionFactory", DependencyChecks.class.getClassLoader());

	private static final boolean REACTIVE_REDIS_PRESENT = REDIS_PRESENT
			&& ClassUtils.isPresent("reactor.core.publisher.Mono", DependencyChecks.class.getClassLoader());

	private DependencyChecks() {
	}

	static List<DependencyCheck> collect(ListableBeanFactory beanFactory, VantageHealthProperties health) {
		List<DependencyCheck> checks = new ArrayList<>(beanFactory.getBeansOfType(DependencyCheck.class).values());
		Duration timeout = health.getTimeout();
		beanFactory.getBeansOfType(DataSource.class)
			.forEach((name, dataSource) -> checks
				.add(new DataSourceCheck(name, dataSource, health.getDatasource().isCritical(), timeout)));
		if (R2DBC_PRESENT) {
			R2dbcChecks.collect(beanFactory, health.getDatasource().isCritical(), timeout, checks);
		}
		if (REDIS_PRESENT) {
			RedisChecks.collect(beanFactory, health.getRedis().isCritical(), timeout, checks);
		}
		if (!health.getHttp().isEmpty()) {
			HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
			health.getHttp().forEach((name, dependency) -> {
				Duration requestTimeout = (dependency.getTimeout() != null) ? dependency.getTimeout() : timeout;
				checks.add(new HttpDependencyCheck(name, dependency.getUrl(), dependency.isCritical(), requestTimeout,
						dependency.getExpectedStatus(), client));
			});
		}
		return checks;
	}

	/** Kept apart so that R2DBC is loaded only when it is on the classpath. */
	private static final class R2dbcChecks {

		static void collect(ListableBeanFactory beanFactory, boolean critical, Duration timeout,
				List<DependencyCheck> checks) {
			beanFactory.getBeansOfType(ConnectionFactory.class)
				.forEach((name, factory) -> checks.add(new ConnectionFactoryCheck(name, factory, critical, timeout)));
		}

	}

	/** Kept apart so that Spring Data Redis is loaded only when it is on the classpath. */
	private static final class RedisChecks {

		static void collect(ListableBeanFactory beanFactory, boolean critical, Duration timeout,
				List<DependencyCheck> checks) {
			Map<String, RedisConnectionFactory> factories = beanFactory.getBeansOfType(RedisConnectionFactory.class);
			factories.forEach((beanName, factory) -> checks.add(new RedisCheck(name(beanName), factory, critical)));
			if (REACTIVE_REDIS_PRESENT) {
				// Boot's Lettuce factory is both kinds and is checked once, above.
				beanFactory.getBeansOfType(ReactiveRedisConnectionFactory.class)
					.forEach((beanName, factory) -> {
						if (!(factory instanceof RedisConnectionFactory)) {
							checks.add(new ReactiveRedisCheck(name(beanName), factory, critical, timeout));
						}
					});
			}
		}

		private static String name(String beanName) {
			String suffix = "ConnectionFactory";
			return (beanName.endsWith(suffix) && beanName.length() > suffix.length())
					? beanName.substring(0, beanName.length() - suffix.length()) : beanName;
		}

	}

}
