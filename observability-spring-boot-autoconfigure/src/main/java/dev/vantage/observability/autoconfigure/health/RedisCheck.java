package dev.vantage.observability.autoconfigure.health;

import dev.vantage.observability.health.DependencyCheck;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Checks Redis with a PING.
 */
final class RedisCheck implements DependencyCheck {

	private final String name;

	private final RedisConnectionFactory connectionFactory;

	private final boolean critical;

	RedisCheck(String name, RedisConnectionFactory connectionFactory, boolean critical) {
		this.name = name;
		this.connectionFactory = connectionFactory;
		this.critical = critical;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean critical() {
		return this.critical;
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
