package dev.vantage.observability.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Checks a {@link DataSource} by borrowing a connection and asking whether it is valid.
 */
public final class DataSourceCheck extends AbstractDependencyCheck {

	private final DataSource dataSource;

	private final int validationSeconds;

	/**
	 * Creates the check.
	 * @param name the data source's name
	 * @param dataSource the data source
	 * @param critical whether it takes readiness down
	 * @param timeout how long the validity check may take (rounded up to whole seconds)
	 */
	public DataSourceCheck(String name, DataSource dataSource, boolean critical, Duration timeout) {
		super(name, critical);
		this.dataSource = dataSource;
		this.validationSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
	}

	@Override
	public void probe() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!connection.isValid(this.validationSeconds)) {
				throw new SQLException("connection is not valid");
			}
		}
	}

}
