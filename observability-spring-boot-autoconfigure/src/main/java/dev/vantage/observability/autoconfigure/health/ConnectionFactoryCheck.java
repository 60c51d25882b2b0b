package dev.vantage.observability.autoconfigure.health;

import java.time.Duration;

import dev.vantage.observability.health.AbstractDependencyCheck;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import reactor.core.publisher.Mono;

/**
 * Checks an R2DBC {@link ConnectionFactory} by opening a connection and validating it
 * against the server. The probe waits for the answer, which is why it runs on Vantage's
 * executor and never on an event loop.
 */
final class ConnectionFactoryCheck extends AbstractDependencyCheck {

	private final ConnectionFactory connectionFactory;

	private final Duration timeout;

	ConnectionFactoryCheck(String name, ConnectionFactory connectionFactory, boolean critical, Duration timeout) {
		super(name, critical);
		this.connectionFactory = connectionFactory;
		this.timeout = timeout;
	}

	@Override
	public void probe() {
		Boolean valid = Mono.usingWhen(this.connectionFactory.create(),
				(Connection connection) -> Mono.from(connection.validate(ValidationDepth.REMOTE)), Connection::close)
			.block(this.timeout);
		if (!Boolean.TRUE.equals(valid)) {
			throw new IllegalStateException("connection is not valid");
		}
	}

}
