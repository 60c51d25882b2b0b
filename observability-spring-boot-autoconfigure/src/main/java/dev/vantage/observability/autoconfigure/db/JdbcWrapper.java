package dev.vantage.observability.autoconfigure.db;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * What the statement path's wrappers share: the object they wrap, and {@link #unwrap} and
 * {@link #isWrapperFor} answering for the wrapper first and then for what it wraps, so that a
 * pool's and a driver's own types stay reachable.
 * @param <T> the JDBC type wrapped
 */
abstract class JdbcWrapper<T extends Wrapper> implements Wrapper {

	final T delegate;

	JdbcWrapper(T delegate) {
		this.delegate = delegate;
	}

	@Override
	public final <U> U unwrap(Class<U> type) throws SQLException {
		return type.isInstance(this) ? type.cast(this) : this.delegate.unwrap(type);
	}

	@Override
	public final boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || this.delegate.isWrapperFor(type);
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
