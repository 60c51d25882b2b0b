package dev.vantage.observability.autoconfigure.health;

import dev.vantage.observability.health.AbstractDependencyCheck;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Checks Redis with a PING.
 */
final class RedisCheck extends AbstractDependencyCheck {

	private final RedisConnectionFactory connectionFactory;

	RedisCheck(String name, RedisConnectionFactory connectionFactory, boolean critical) {
		super(name, critical);
		this.connectionFactory = connectionFactory;
	}

	@Override
	public void probe() {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			String pong = connection.ping();
			if (!"PONG".equalsIgnoreCase(pong)) {
				throw new IllegalStateException("unexpected PING answer: " + pong);
			}
		}
	}

}
