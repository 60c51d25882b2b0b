package dev.vantage.observability.autoconfigure.db;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * What happens around each statement of one data source: its time into {@code db.query}, and,
 * when the application traces, one client span. One interception per statement: the JDBC
 * calls around it (parameters, results, closing) reach the driver untouched.
 */
final class StatementObserver {

	private final String dataSource;

	private final QueryMetricsPostProcessor.Recorder recorder;

	private final @Nullable JdbcStatementSpans spans;

	StatementObserver(String dataSource, QueryMetricsPostProcessor.Recorder recorder, @Nullable JdbcStatementSpans spans) {
		this.dataSource = dataSource;
		this.recorder = recorder;
		this.spans = spans;
	}

	/**
	 * Runs a statement, timed and, when the application traces, as a span; its outcome and
	 * any exception reach the caller unchanged.
	 * @param <S> the kind of statement
	 * @param <T> what the statement returns
	 * @param sql the statement's text, as the application gave it
	 * @param statement the driver's statement
	 * @param execution the driver's execution of it; one that captures nothing (a method
	 * reference on the statement's type) is allocated once, not per statement
	 * @return what the driver returned
	 * @throws SQLException the driver's exception
	 */
	<S, T> T observe(String sql, S statement, Execution<? super S, T> execution) throws SQLException {
		Object span = (this.spans != null) ? this.spans.start(this.dataSource, sql) : null;
		long start = System.nanoTime();
		T result;
		try {
			result = execution.execute(statement, sql);
		}
		catch (SQLException | RuntimeException | Error ex) {
			finish(sql, span, start, null, ex);
			throw ex;
		}
		finish(sql, span, start, result, null);
		return result;
	}

	private void finish(String sql, @Nullable Object span, long start, @Nullable Object result, @Nullable Throwable error) {
		this.recorder.record(sql, error == null, System.nanoTime() - start);
		if (span != null && this.spans != null) {
			this.spans.end(span, (result instanceof Number rows) ? rows.longValue() : -1, error);
		}
	}

	/** A statement's execution by the driver, given the statement and its text. */
	@FunctionalInterface
	interface Execution<S, T> {

		T execute(S statement, String sql) throws SQLException;

	}

}
