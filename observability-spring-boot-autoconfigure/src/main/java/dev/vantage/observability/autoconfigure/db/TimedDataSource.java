package dev.vantage.observability.autoconfigure.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source whose connections are {@link TimedConnection}s, for a data source whose own
 * class cannot be subclassed; every other call reaches it unchanged.
 */
final class TimedDataSource extends JdbcWrapper<DataSource> implements DataSource {

	private final StatementObserver observer;

	TimedDataSource(DataSource delegate, StatementObserver observer) {
		super(delegate);
		this.observer = observer;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return new TimedConnection(this.delegate.getConnection(), this.observer);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return new TimedConnection(this.delegate.getConnection(username, password), this.observer);
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}


}
