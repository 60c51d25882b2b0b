package dev.vantage.observability.autoconfigure.db;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A callable statement whose executions are observed under the text it was prepared with;
 * parameters, out parameters and results reach the driver's statement unchanged.
 */
final class TimedCallableStatement extends TimedPreparedStatement<CallableStatement> implements CallableStatement {

	TimedCallableStatement(CallableStatement delegate, String sql, TimedConnection connection, StatementObserver observer) {
		super(delegate, sql, connection, observer);
	}

	@Override
	public void registerOutParameter(int index, int sqlType) throws SQLException {
		this.delegate.registerOutParameter(index, sqlType);
	}

	@Override
	public void registerOutParameter(int index, int sqlType, int scale) throws SQLException {
		this.delegate.registerOutParameter(index, sqlType, scale);
	}

	@Override
	public boolean wasNull() throws SQLException {
		return this.delegate.wasNull();
	}

	@Override
	public String getString(int index) throws SQLException {
		return this.delegate.getString(index);
	}

	@Override
	public boolean getBoolean(int index) throws SQLException {
		return this.delegate.getBoolean(index);
	}

	@Override
	public byte getByte(int index) throws SQLException {
		return this.delegate.getByte(index);
	}

	@Override
	public short getShort(int index) throws SQLException {
		return this.delegate.getShort(index);
	}

	@Override
	public int getInt(int index) throws SQLException {
		return this.delegate.getInt(index);
	}

	@Override
	public long getLong(int index) throws SQLException {
		return this.delegate.getLong(index);
	}

	@Override
	public float getFloat(int index) throws SQLException {
		return this.delegate.getFloat(index);
	}

	@Override
	public double getDouble(int index) throws SQLException {
		return this.delegate.getDouble(index);
	}

	@Deprecated
	@Override
	public BigDecimal getBigDecimal(int index, int scale) throws SQLException {
		return this.delegate.getBigDecimal(index, scale);
	}

	@Override
	public byte[] getBytes(int index) throws SQLException {
		return this.delegate.getBytes(index);
	}

	@Override
	public Date getDate(int index) throws SQLException {
		return this.delegate.getDate(index);
	}

	@Override
	public Time getTime(int index) throws SQLException {
		return this.delegate.getTime(index);
	}

	@Override
	public Timestamp getTimestamp(int index) throws SQLException {
		return this.delegate.getTimestamp(index);
	}

	@Override
	public Object getObject(int index) throws SQLException {
		return this.delegate.getObject(index);
	}

	@Override
	public BigDecimal getBigDecimal(int index) throws SQLException {
		return this.delegate.getBigDecimal(index);
	}

	@Override
	public Object getObject(int index, Map<String, Class<?>> map) throws SQLException {
		return this.delegate.getObject(index, map);
	}

	@Override
	public Ref getRef(int index) throws SQLException {
		return this.delegate.getRef(index);
	}

	@Override
	public Blob getBlob(int index) throws SQLException {
		return this.delegate.getBlob(index);
	}

	@Override
	public Clob getClob(int index) throws SQLException {
		return this.delegate.getClob(index);
	}

	@Override
	public Array getArray(int index) throws SQLException {
		return this.delegate.getArray(index);
	}

	@Override
	public Date getDate(int index, Calendar calendar) throws SQLException {
		return this.delegate.getDate(index, calendar);
	}

	@Override
	public Time getTime(int index, Calendar calendar) throws SQLException {
		return this.delegate.getTime(index, calendar);
	}

	@Override
	public Timestamp getTimestamp(int index, Calendar calendar) throws SQLException {
		return this.delegate.getTimestamp(index, calendar);
	}

	@Override
	public void registerOutParameter(int index, int sqlType, String typeName) throws SQLException {
		this.delegate.registerOutParameter(index, sqlType, typeName);
	}

	@Override
	public void registerOutParameter(String name, int sqlType) throws SQLException {
		this.delegate.registerOutParameter(name, sqlType);
	}

	@Override
	public void registerOutParameter(String name, int sqlType, int scale) throws SQLException {
		this.delegate.registerOutParameter(name, sqlType, scale);
	}

	@Override
	public void registerOutParameter(String name, int sqlType, String typeName) throws SQLException {
		this.delegate.registerOutParameter(name, sqlType, typeName);
	}

	@Override
	public URL getURL(int index) throws SQLException {
		return this.delegate.getURL(index);
	}

	@Override
	public void setURL(String name, URL value) throws SQLException {
		this.delegate.setURL(name, value);
	}

	@Override
	public void setNull(String name, int sqlType) throws SQLException {
		this.delegate.setNull(name, sqlType);
	}

	@Override
	public void setBoolean(String name, boolean value) throws SQLException {
		this.delegate.setBoolean(name, value);
	}

	@Override
	public void setByte(String name, byte value) throws SQLException {
		this.delegate.setByte(name, value);
	}

	@Override
	public void setShort(String name, short value) throws SQLException {
		this.delegate.setShort(name, value);
	}

	@Override
	public void setInt(String name, int value) throws SQLException {
		this.delegate.setInt(name, value);
	}

	@Override
	public void setLong(String name, long value) throws SQLException {
		this.delegate.setLong(name, value);
	}

	@Override
	public void setFloat(String name, float value) throws SQLException {
		this.delegate.setFloat(name, value);
	}

	@Override
	public void setDouble(String name, double value) throws SQLException {
		this.delegate.setDouble(name, value);
	}

	@Override
	public void setBigDecimal(String name, BigDecimal value) throws SQLException {
		this.delegate.setBigDecimal(name, value);
	}

	@Override
	public void setString(String name, String value) throws SQLException {
		this.delegate.setString(name, value);
	}

	@Override
	public void setBytes(String name, byte[] value) throws SQLException {
		this.delegate.setBytes(name, value);
	}

	@Override
	public void setDate(String name, Date value) throws SQLException {
		this.delegate.setDate(name, value);
	}

	@Override
	public void setTime(String name, Time value) throws SQLException {
		this.delegate.setTime(name, value);
	}

	@Override
	public void setTimestamp(String name, Timestamp value) throws SQLException {
		this.delegate.setTimestamp(name, value);
	}

	@Override
	public void setAsciiStream(String name, InputStream stream, int length) throws SQLException {
		this.delegate.setAsciiStream(name, stream, length);
	}

	@Override
	public void setBinaryStream(String name, InputStream stream, int length) throws SQLException {
		this.delegate.setBinaryStream(name, stream, length);
	}

	@Override
	public void setObject(String name, Object value, int targetSqlType, int scaleOrLength) throws SQLException {
		this.delegate.setObject(name, value, targetSqlType, scaleOrLength);
	}

	@Override
	public void setObject(String name, Object value, int targetSqlType) throws SQLException {
		this.delegate.setObject(name, value, targetSqlType);
	}

	@Override
	public void setObject(String name, Object value) throws SQLException {
		this.delegate.setObject(name, value);
	}

	@Override
	public void setCharacterStream(String name, Reader reader, int length) throws SQLException {
		this.delegate.setCharacterStream(name, reader, length);
	}

	@Override
	public void setDate(String name, Date value, Calendar calendar) throws SQLException {
		this.delegate.setDate(name, value, calendar);
	}

	@Override
	public void setTime(String name, Time value, Calendar calendar) throws SQLException {
		this.delegate.setTime(name, value, calendar);
	}

	@Override
	public void setTimestamp(String name, Timestamp value, Calendar calendar) throws SQLException {
		this.delegate.setTimestamp(name, value, calendar);
	}

	@Override
	public void setNull(String name, int sqlType, String typeName) throws SQLException {
		this.delegate.setNull(name, sqlType, typeName);
	}

	@Override
	public String getString(String name) throws SQLException {
		return this.delegate.getString(name);
	}

	@Override
	public boolean getBoolean(String name) throws SQLException {
		return this.delegate.getBoolean(name);
	}

	@Override
	public byte getByte(String name) throws SQLException {
		return this.delegate.getByte(name);
	}

	@Override
	public short getShort(String name) throws SQLException {
		return this.delegate.getShort(name);
	}

	@Override
	public int getInt(String name) throws SQLException {
		return this.delegate.getInt(name);
	}

	@Override
	public long getLong(String name) throws SQLException {
		return this.delegate.getLong(name);
	}

	@Override
	public float getFloat(String name) throws SQLException {
		return this.delegate.getFloat(name);
	}

	@Override
	public double getDouble(String name) throws SQLException {
		return this.delegate.getDouble(name);
	}

	@Override
	public byte[] getBytes(String name) throws SQLException {
		return this.delegate.getBytes(name);
	}

	@Override
	public Date getDate(String name) throws SQLException {
		return this.delegate.getDate(name);
	}

	@Override
	public Time getTime(String name) throws SQLException {
		return this.delegate.getTime(name);
	}

	@Override
	public Timestamp getTimestamp(String name) throws SQLException {
		return this.delegate.getTimestamp(name);
	}

	@Override
	public Object getObject(String name) throws SQLException {
		return this.delegate.getObject(name);
	}

	@Override
	public BigDecimal getBigDecimal(String name) throws SQLException {
		return this.delegate.getBigDecimal(name);
	}

	@Override
	public Object getObject(String name, Map<String, Class<?>> map) throws SQLException {
		return this.delegate.getObject(name, map);
	}

	@Override
	public Ref getRef(String name) throws SQLException {
		return this.delegate.getRef(name);
	}

	@Override
	public Blob getBlob(String name) throws SQLException {
		return this.delegate.getBlob(name);
	}

	@Override
	public Clob getClob(String name) throws SQLException {
		return this.delegate.getClob(name);
	}

	@Override
	public Array getArray(String name) throws SQLException {
		return this.delegate.getArray(name);
	}

	@Override
	public Date getDate(String name, Calendar calendar) throws SQLException {
		return this.delegate.getDate(name, calendar);
	}

	@Override
	public Time getTime(String name, Calendar calendar) throws SQLException {
		return this.delegate.getTime(name, calendar);
	}

	@Override
	public Timestamp getTimestamp(String name, Calendar calendar) throws SQLException {
		return this.delegate.getTimestamp(name, calendar);
	}

	@Override
	public URL getURL(String name) throws SQLException {
		return this.delegate.getURL(name);
	}

	@Override
	public RowId getRowId(int index) throws SQLException {
		return this.delegate.getRowId(index);
	}

	@Override
	public RowId getRowId(String name) throws SQLException {
		return this.delegate.getRowId(name);
	}

	@Override
	public void setRowId(String name, RowId value) throws SQLException {
		this.delegate.setRowId(name, value);
	}

	@Override
	public void setNString(String name, String value) throws SQLException {
		this.delegate.setNString(name, value);
	}

	@Override
	public void setNCharacterStream(String name, Reader reader, long length) throws SQLException {
		this.delegate.setNCharacterStream(name, reader, length);
	}

	@Override
	public void setNClob(String name, NClob value) throws SQLException {
		this.delegate.setNClob(name, value);
	}

	@Override
	public void setClob(String name, Reader reader, long length) throws SQLException {
		this.delegate.setClob(name, reader, length);
	}

	@Override
	public void setBlob(String name, InputStream stream, long length) throws SQLException {
		this.delegate.setBlob(name, stream, length);
	}

	@Override
	public void setNClob(String name, Reader reader, long length) throws SQLException {
		this.delegate.setNClob(name, reader, length);
	}

	@Override
	public NClob getNClob(int index) throws SQLException {
		return this.delegate.getNClob(index);
	}

	@Override
	public NClob getNClob(String name) throws SQLException {
		return this.delegate.getNClob(name);
	}

	@Override
	public void setSQLXML(String name, SQLXML value) throws SQLException {
		this.delegate.setSQLXML(name, value);
	}

	@Override
	public SQLXML getSQLXML(int index) throws SQLException {
		return this.delegate.getSQLXML(index);
	}

	@Override
	public SQLXML getSQLXML(String name) throws SQLException {
		return this.delegate.getSQLXML(name);
	}

	@Override
	public String getNString(int index) throws SQLException {
		return this.delegate.getNString(index);
	}

	@Override
	public String getNString(String name) throws SQLException {
		return this.delegate.getNString(name);
	}

	@Override
	public Reader getNCharacterStream(int index) throws SQLException {
		return this.delegate.getNCharacterStream(index);
	}

	@Override
	public Reader getNCharacterStream(String name) throws SQLException {
		return this.delegate.getNCharacterStream(name);
	}

	@Override
	public Reader getCharacterStream(int index) throws SQLException {
		return this.delegate.getCharacterStream(index);
	}

	@Override
	public Reader getCharacterStream(String name) throws SQLException {
		return this.delegate.getCharacterStream(name);
	}

	@Override
	public void setBlob(String name, Blob value) throws SQLException {
		this.delegate.setBlob(name, value);
	}

	@Override
	public void setClob(String name, Clob value) throws SQLException {
		this.delegate.setClob(name, value);
	}

	@Override
	public void setAsciiStream(String name, InputStream stream, long length) throws SQLException {
		this.delegate.setAsciiStream(name, stream, length);
	}

	@Override
	public void setBinaryStream(String name, InputStream stream, long length) throws SQLException {
		this.delegate.setBinaryStream(name, stream, length);
	}

	@Override
	public void setCharacterStream(String name, Reader reader, long length) throws SQLException {
		this.delegate.setCharacterStream(name, reader, length);
	}

	@Override
	public void setAsciiStream(String name, InputStream stream) throws SQLException {
		this.delegate.setAsciiStream(name, stream);
	}

	@Override
	public void setBinaryStream(String name, InputStream stream) throws SQLException {
		this.delegate.setBinaryStream(name, stream);
	}

	@Override
	public void setCharacterStream(String name, Reader reader) throws SQLException {
		this.delegate.setCharacterStream(name, reader);
	}

	@Override
	public void setNCharacterStream(String name, Reader reader) throws SQLException {
		this.delegate.setNCharacterStream(name, reader);
	}

	@Override
	public void setClob(String name, Reader reader) throws SQLException {
		this.delegate.setClob(name, reader);
	}

	@Override
	public void setBlob(String name, InputStream stream) throws SQLException {
		this.delegate.setBlob(name, stream);
	}

	@Override
	public void setNClob(String name, Reader reader) throws SQLException {
		this.delegate.setNClob(name, reader);
	}

	@Override
	public <T> T getObject(int index, Class<T> type) throws SQLException {
		return this.delegate.getObject(index, type);
	}

	@Override
	public <T> T getObject(String name, Class<T> type) throws SQLException {
		return this.delegate.getObject(name, type);
	}

	@Override
	public void setObject(String name, Object value, SQLType type, int scaleOrLength) throws SQLException {
		this.delegate.setObject(name, value, type, scaleOrLength);
	}

	@Override
	public void setObject(String name, Object value, SQLType type) throws SQLException {
		this.delegate.setObject(name, value, type);
	}

	@Override
	public void registerOutParameter(int index, SQLType type) throws SQLException {
		this.delegate.registerOutParameter(index, type);
	}

	@Override
	public void registerOutParameter(int index, SQLType type, int scale) throws SQLException {
		this.delegate.registerOutParameter(index, type, scale);
	}

	@Override
	public void registerOutParameter(int index, SQLType type, String typeName) throws SQLException {
		this.delegate.registerOutParameter(index, type, typeName);
	}

	@Override
	public void registerOutParameter(String name, SQLType type) throws SQLException {
		this.delegate.registerOutParameter(name, type);
	}

	@Override
	public void registerOutParameter(String name, SQLType type, int scale) throws SQLException {
		this.delegate.registerOutParameter(name, type, scale);
	}

	@Override
	public void registerOutParameter(String name, SQLType type, String typeName) throws SQLException {
		this.delegate.registerOutParameter(name, type, typeName);
	}

}
