package dev.vantage.observability.autoconfigure.health;

import java.time.Duration;

import dev.vantage.observability.health.AbstractDependencyCheck;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Checks Redis with a PING over a reactive-only connection factory. Probes run on Vantage's
 * own health threads, never on an event loop, so waiting for the answer is fine here.
 */
final class ReactiveRedisCheck extends AbstractDependencyCheck {

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final Duration timeout;

	ReactiveRedisCheck(String name, ReactiveRedisConnectionFactory connectionFactory, boolean critical,
			Duration timeout) {
		super(name, critical);
		this.connectionFactory = connectionFactory;
		this.timeout = timeout;
	}

	@Override
	public void probe() {
		ReactiveRedisConnection connection = this.connectionFactory.getReactiveConnection();
		try {
			String pong = connection.ping().block(this.timeout);
			if (!"PONG".equalsIgnoreCase(pong)) {
				throw new IllegalStateException("unexpected PING answer: " + pong);
			}
		}
		finally {
			connection.close();
		}
	}

}
