package dev.vantage.observability.autoconfigure.db;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A prepared statement whose executions are observed under the text it was prepared with;
 * setting parameters, reading results and closing reach the driver's statement unchanged.
 * @param <P> the kind of statement it wraps
 */
class TimedPreparedStatement<P extends PreparedStatement> extends TimedStatement<P> implements PreparedStatement {

	final String sql;

	TimedPreparedStatement(P delegate, String sql, TimedConnection connection, StatementObserver observer) {
		super(delegate, connection, observer);
		this.sql = sql;
	}

	@Override
	public ResultSet executeQuery() throws SQLException {
		ResultSet results = this.observer.observe(this.sql, this.delegate,
				(statement, text) -> statement.executeQuery());
		return TimedResultSet.of(results, this);
	}

	@Override
	public int executeUpdate() throws SQLException {
		return this.observer.observe(this.sql, this.delegate, (statement, text) -> statement.executeUpdate());
	}

	@Override
	public long executeLargeUpdate() throws SQLException {
		return this.observer.observe(this.sql, this.delegate, (statement, text) -> statement.executeLargeUpdate());
	}

	@Override
	public boolean execute() throws SQLException {
		return this.observer.observe(this.sql, this.delegate, (statement, text) -> statement.execute());
	}

	@Override
	String batchStatement() {
		return this.sql;
	}

	@Override
	public void setNull(int index, int sqlType) throws SQLException {
		this.delegate.setNull(index, sqlType);
	}

	@Override
	public void setBoolean(int index, boolean value) throws SQLException {
		this.delegate.setBoolean(index, value);
	}

	@Override
	public void setByte(int index, byte value) throws SQLException {
		this.delegate.setByte(index, value);
	}

	@Override
	public void setShort(int index, short value) throws SQLException {
		this.delegate.setShort(index, value);
	}

	@Override
	public void setInt(int index, int value) throws SQLException {
		this.delegate.setInt(index, value);
	}

	@Override
	public void setLong(int index, long value) throws SQLException {
		this.delegate.setLong(index, value);
	}

	@Override
	public void setFloat(int index, float value) throws SQLException {
		this.delegate.setFloat(index, value);
	}

	@Override
	public void setDouble(int index, double value) throws SQLException {
		this.delegate.setDouble(index, value);
	}

	@Override
	public void setBigDecimal(int index, BigDecimal value) throws SQLException {
		this.delegate.setBigDecimal(index, value);
	}

	@Override
	public void setString(int index, String value) throws SQLException {
		this.delegate.setString(index, value);
	}

	@Override
	public void setBytes(int index, byte[] value) throws SQLException {
		this.delegate.setBytes(index, value);
	}

	@Override
	public void setDate(int index, Date value) throws SQLException {
		this.delegate.setDate(index, value);
	}

	@Override
	public void setTime(int index, Time value) throws SQLException {
		this.delegate.setTime(index, value);
	}

	@Override
	public void setTimestamp(int index, Timestamp value) throws SQLException {
		this.delegate.setTimestamp(index, value);
	}

	@Override
	public void setAsciiStream(int index, InputStream stream, int length) throws SQLException {
		this.delegate.setAsciiStream(index, stream, length);
	}

	@Deprecated
	@Override
	public void setUnicodeStream(int index, InputStream stream, int length) throws SQLException {
		this.delegate.setUnicodeStream(index, stream, length);
	}

	@Override
	public void setBinaryStream(int index, InputStream stream, int length) throws SQLException {
		this.delegate.setBinaryStream(index, stream, length);
	}

	@Override
	public void clearParameters() throws SQLException {
		this.delegate.clearParameters();
	}

	@Override
	public void setObject(int index, Object value, int targetSqlType) throws SQLException {
		this.delegate.setObject(index, value, targetSqlType);
	}

	@Override
	public void setObject(int index, Object value) throws SQLException {
		this.delegate.setObject(index, value);
	}

	@Override
	public void addBatch() throws SQLException {
		this.delegate.addBatch();
	}

	@Override
	public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
		this.delegate.setCharacterStream(index, reader, length);
	}

	@Override
	public void setRef(int index, Ref value) throws SQLException {
		this.delegate.setRef(index, value);
	}

	@Override
	public void setBlob(int index, Blob value) throws SQLException {
		this.delegate.setBlob(index, value);
	}

	@Override
	public void setClob(int index, Clob value) throws SQLException {
		this.delegate.setClob(index, value);
	}

	@Override
	public void setArray(int index, Array value) throws SQLException {
		this.delegate.setArray(index, value);
	}

	@Override
	public ResultSetMetaData getMetaData() throws SQLException {
		return this.delegate.getMetaData();
	}

	@Override
	public void setDate(int index, Date value, Calendar calendar) throws SQLException {
		this.delegate.setDate(index, value, calendar);
	}

	@Override
	public void setTime(int index, Time value, Calendar calendar) throws SQLException {
		this.delegate.setTime(index, value, calendar);
	}

	@Override
	public void setTimestamp(int index, Timestamp value, Calendar calendar) throws SQLException {
		this.delegate.setTimestamp(index, value, calendar);
	}

	@Override
	public void setNull(int index, int sqlType, String typeName) throws SQLException {
		this.delegate.setNull(index, sqlType, typeName);
	}

	@Override
	public void setURL(int index, URL value) throws SQLException {
		this.delegate.setURL(index, value);
	}

	@Override
	public ParameterMetaData getParameterMetaData() throws SQLException {
		return this.delegate.getParameterMetaData();
	}

	@Override
	public void setRowId(int index, RowId value) throws SQLException {
		this.delegate.setRowId(index, value);
	}

	@Override
	public void setNString(int index, String value) throws SQLException {
		this.delegate.setNString(index, value);
	}

	@Override
	public void setNCharacterStream(int index, Reader reader, long length) throws SQLException {
		this.delegate.setNCharacterStream(index, reader, length);
	}

	@Override
	public void setNClob(int index, NClob value) throws SQLException {
		this.delegate.setNClob(index, value);
	}

	@Override
	public void setClob(int index, Reader reader, long length) throws SQLException {
		this.delegate.setClob(index, reader, length);
	}

	@Override
	public void setBlob(int index, InputStream stream, long length) throws SQLException {
		this.delegate.setBlob(index, stream, length);
	}

	@Override
	public void setNClob(int index, Reader reader, long length) throws SQLException {
		this.delegate.setNClob(index, reader, length);
	}

	@Override
	public void setSQLXML(int index, SQLXML value) throws SQLException {
		this.delegate.setSQLXML(index, value);
	}

	@Override
	public void setObject(int index, Object value, int targetSqlType, int scaleOrLength) throws SQLException {
		this.delegate.setObject(index, value, targetSqlType, scaleOrLength);
	}

	@Override
	public void setAsciiStream(int index, InputStream stream, long length) throws SQLException {
		this.delegate.setAsciiStream(index, stream, length);
	}

	@Override
	public void setBinaryStream(int index, InputStream stream, long length) throws SQLException {
		this.delegate.setBinaryStream(index, stream, length);
	}

	@Override
	public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
		this.delegate.setCharacterStream(index, reader, length);
	}

	@Override
	public void setAsciiStream(int index, InputStream stream) throws SQLException {
		this.delegate.setAsciiStream(index, stream);
	}

	@Override
	public void setBinaryStream(int index, InputStream stream) throws SQLException {
		this.delegate.setBinaryStream(index, stream);
	}

	@Override
	public void setCharacterStream(int index, Reader reader) throws SQLException {
		this.delegate.setCharacterStream(index, reader);
	}

	@Override
	public void setNCharacterStream(int index, Reader reader) throws SQLException {
		this.delegate.setNCharacterStream(index, reader);
	}

	@Override
	public void setClob(int index, Reader reader) throws SQLException {
		this.delegate.setClob(index, reader);
	}

	@Override
	public void setBlob(int index, InputStream stream) throws SQLException {
		this.delegate.setBlob(index, stream);
	}

	@Override
	public void setNClob(int index, Reader reader) throws SQLException {
		this.delegate.setNClob(index, reader);
	}

	@Override
	public void setObject(int index, Object value, SQLType type, int scaleOrLength) throws SQLException {
		this.delegate.setObject(index, value, type, scaleOrLength);
	}

	@Override
	public void setObject(int index, Object value, SQLType type) throws SQLException {
		this.delegate.setObject(index, value, type);
	}

}
