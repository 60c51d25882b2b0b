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
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A result set of a {@link TimedStatement}, so that {@link #getStatement()} answers the
 * statement that made it, as JDBC requires; every other call reaches the driver's result set
 * unchanged, and nothing of reading rows is observed.
 */
final class TimedResultSet extends JdbcWrapper<ResultSet> implements ResultSet {

	private final Statement statement;

	private TimedResultSet(ResultSet delegate, Statement statement) {
		super(delegate);
		this.statement = statement;
	}

	/** The driver's result set (or none) as one of the statement's. */
	static @Nullable ResultSet of(@Nullable ResultSet delegate, Statement statement) {
		return (delegate != null) ? new TimedResultSet(delegate, statement) : null;
	}

	@Override
	public Statement getStatement() {
		return this.statement;
	}


	@Override
	public boolean next() throws SQLException {
		return this.delegate.next();
	}

	@Override
	public void close() throws SQLException {
		this.delegate.close();
	}

	@Override
	public boolean wasNull() throws SQLException {
		return this.delegate.wasNull();
	}

	@Override
	public String getString(int column) throws SQLException {
		return this.delegate.getString(column);
	}

	@Override
	public boolean getBoolean(int column) throws SQLException {
		return this.delegate.getBoolean(column);
	}

	@Override
	public byte getByte(int column) throws SQLException {
		return this.delegate.getByte(column);
	}

	@Override
	public short getShort(int column) throws SQLException {
		return this.delegate.getShort(column);
	}

	@Override
	public int getInt(int column) throws SQLException {
		return this.delegate.getInt(column);
	}

	@Override
	public long getLong(int column) throws SQLException {
		return this.delegate.getLong(column);
	}

	@Override
	public float getFloat(int column) throws SQLException {
		return this.delegate.getFloat(column);
	}

	@Override
	public double getDouble(int column) throws SQLException {
		return this.delegate.getDouble(column);
	}

	@Deprecated
	@Override
	public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
		return this.delegate.getBigDecimal(column, scale);
	}

	@Override
	public byte[] getBytes(int column) throws SQLException {
		return this.delegate.getBytes(column);
	}

	@Override
	public Date getDate(int column) throws SQLException {
		return this.delegate.getDate(column);
	}

	@Override
	public Time getTime(int column) throws SQLException {
		return this.delegate.getTime(column);
	}

	@Override
	public Timestamp getTimestamp(int column) throws SQLException {
		return this.delegate.getTimestamp(column);
	}

	@Override
	public InputStream getAsciiStream(int column) throws SQLException {
		return this.delegate.getAsciiStream(column);
	}

	@Deprecated
	@Override
	public InputStream getUnicodeStream(int column) throws SQLException {
		return this.delegate.getUnicodeStream(column);
	}

	@Override
	public InputStream getBinaryStream(int column) throws SQLException {
		return this.delegate.getBinaryStream(column);
	}

	@Override
	public String getString(String label) throws SQLException {
		return this.delegate.getString(label);
	}

	@Override
	public boolean getBoolean(String label) throws SQLException {
		return this.delegate.getBoolean(label);
	}

	@Override
	public byte getByte(String label) throws SQLException {
		return this.delegate.getByte(label);
	}

	@Override
	public short getShort(String label) throws SQLException {
		return this.delegate.getShort(label);
	}

	@Override
	public int getInt(String label) throws SQLException {
		return this.delegate.getInt(label);
	}

	@Override
	public long getLong(String label) throws SQLException {
		return this.delegate.getLong(label);
	}

	@Override
	public float getFloat(String label) throws SQLException {
		return this.delegate.getFloat(label);
	}

	@Override
	public double getDouble(String label) throws SQLException {
		return this.delegate.getDouble(label);
	}

	@Deprecated
	@Override
	public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
		return this.delegate.getBigDecimal(label, scale);
	}

	@Override
	public byte[] getBytes(String label) throws SQLException {
		return this.delegate.getBytes(label);
	}

	@Override
	public Date getDate(String label) throws SQLException {
		return this.delegate.getDate(label);
	}

	@Override
	public Time getTime(String label) throws SQLException {
		return this.delegate.getTime(label);
	}

	@Override
	public Timestamp getTimestamp(String label) throws SQLException {
		return this.delegate.getTimestamp(label);
	}

	@Override
	public InputStream getAsciiStream(String label) throws SQLException {
		return this.delegate.getAsciiStream(label);
	}

	@Deprecated
	@Override
	public InputStream getUnicodeStream(String label) throws SQLException {
		return this.delegate.getUnicodeStream(label);
	}

	@Override
	public InputStream getBinaryStream(String label) throws SQLException {
		return this.delegate.getBinaryStream(label);
	}

	@Override
	public SQLWarning getWarnings() throws SQLException {
		return this.delegate.getWarnings();
	}

	@Override
	public void clearWarnings() throws SQLException {
		this.delegate.clearWarnings();
	}

	@Override
	public String getCursorName() throws SQLException {
		return this.delegate.getCursorName();
	}

	@Override
	public ResultSetMetaData getMetaData() throws SQLException {
		return this.delegate.getMetaData();
	}

	@Override
	public Object getObject(int column) throws SQLException {
		return this.delegate.getObject(column);
	}

	@Override
	public Object getObject(String label) throws SQLException {
		return this.delegate.getObject(label);
	}

	@Override
	public int findColumn(String label) throws SQLException {
		return this.delegate.findColumn(label);
	}

	@Override
	public Reader getCharacterStream(int column) throws SQLException {
		return this.delegate.getCharacterStream(column);
	}

	@Override
	public Reader getCharacterStream(String label) throws SQLException {
		return this.delegate.getCharacterStream(label);
	}

	@Override
	public BigDecimal getBigDecimal(int column) throws SQLException {
		return this.delegate.getBigDecimal(column);
	}

	@Override
	public BigDecimal getBigDecimal(String label) throws SQLException {
		return this.delegate.getBigDecimal(label);
	}

	@Override
	public boolean isBeforeFirst() throws SQLException {
		return this.delegate.isBeforeFirst();
	}

	@Override
	public boolean isAfterLast() throws SQLException {
		return this.delegate.isAfterLast();
	}

	@Override
	public boolean isFirst() throws SQLException {
		return this.delegate.isFirst();
	}

	@Override
	public boolean isLast() throws SQLException {
		return this.delegate.isLast();
	}

	@Override
	public void beforeFirst() throws SQLException {
		this.delegate.beforeFirst();
	}

	@Override
	public void afterLast() throws SQLException {
		this.delegate.afterLast();
	}

	@Override
	public boolean first() throws SQLException {
		return this.delegate.first();
	}

	@Override
	public boolean last() throws SQLException {
		return this.delegate.last();
	}

	@Override
	public int getRow() throws SQLException {
		return this.delegate.getRow();
	}

	@Override
	public boolean absolute(int row) throws SQLException {
		return this.delegate.absolute(row);
	}

	@Override
	public boolean relative(int rows) throws SQLException {
		return this.delegate.relative(rows);
	}

	@Override
	public boolean previous() throws SQLException {
		return this.delegate.previous();
	}

	@Override
	public void setFetchDirection(int direction) throws SQLException {
		this.delegate.setFetchDirection(direction);
	}

	@Override
	public int getFetchDirection() throws SQLException {
		return this.delegate.getFetchDirection();
	}

	@Override
	public void setFetchSize(int rows) throws SQLException {
		this.delegate.setFetchSize(rows);
	}

	@Override
	public int getFetchSize() throws SQLException {
		return this.delegate.getFetchSize();
	}

	@Override
	public int getType() throws SQLException {
		return this.delegate.getType();
	}

	@Override
	public int getConcurrency() throws SQLException {
		return this.delegate.getConcurrency();
	}

	@Override
	public boolean rowUpdated() throws SQLException {
		return this.delegate.rowUpdated();
	}

	@Override
	public boolean rowInserted() throws SQLException {
		return this.delegate.rowInserted();
	}

	@Override
	public boolean rowDeleted() throws SQLException {
		return this.delegate.rowDeleted();
	}

	@Override
	public void updateNull(int column) throws SQLException {
		this.delegate.updateNull(column);
	}

	@Override
	public void updateBoolean(int column, boolean value) throws SQLException {
		this.delegate.updateBoolean(column, value);
	}

	@Override
	public void updateByte(int column, byte value) throws SQLException {
		this.delegate.updateByte(column, value);
	}

	@Override
	public void updateShort(int column, short value) throws SQLException {
		this.delegate.updateShort(column, value);
	}

	@Override
	public void updateInt(int column, int length) throws SQLException {
		this.delegate.updateInt(column, length);
	}

	@Override
	public void updateLong(int column, long length) throws SQLException {
		this.delegate.updateLong(column, length);
	}

	@Override
	public void updateFloat(int column, float value) throws SQLException {
		this.delegate.updateFloat(column, value);
	}

	@Override
	public void updateDouble(int column, double value) throws SQLException {
		this.delegate.updateDouble(column, value);
	}

	@Override
	public void updateBigDecimal(int column, BigDecimal value) throws SQLException {
		this.delegate.updateBigDecimal(column, value);
	}

	@Override
	public void updateString(int column, String text) throws SQLException {
		this.delegate.updateString(column, text);
	}

	@Override
	public void updateBytes(int column, byte[] value) throws SQLException {
		this.delegate.updateBytes(column, value);
	}

	@Override
	public void updateDate(int column, Date value) throws SQLException {
		this.delegate.updateDate(column, value);
	}

	@Override
	public void updateTime(int column, Time value) throws SQLException {
		this.delegate.updateTime(column, value);
	}

	@Override
	public void updateTimestamp(int column, Timestamp value) throws SQLException {
		this.delegate.updateTimestamp(column, value);
	}

	@Override
	public void updateAsciiStream(int column, InputStream stream, int length) throws SQLException {
		this.delegate.updateAsciiStream(column, stream, length);
	}

	@Override
	public void updateBinaryStream(int column, InputStream stream, int length) throws SQLException {
		this.delegate.updateBinaryStream(column, stream, length);
	}

	@Override
	public void updateCharacterStream(int column, Reader reader, int length) throws SQLException {
		this.delegate.updateCharacterStream(column, reader, length);
	}

	@Override
	public void updateObject(int column, Object value, int scale) throws SQLException {
		this.delegate.updateObject(column, value, scale);
	}

	@Override
	public void updateObject(int column, Object value) throws SQLException {
		this.delegate.updateObject(column, value);
	}

	@Override
	public void updateNull(String label) throws SQLException {
		this.delegate.updateNull(label);
	}

	@Override
	public void updateBoolean(String label, boolean value) throws SQLException {
		this.delegate.updateBoolean(label, value);
	}

	@Override
	public void updateByte(String label, byte value) throws SQLException {
		this.delegate.updateByte(label, value);
	}

	@Override
	public void updateShort(String label, short value) throws SQLException {
		this.delegate.updateShort(label, value);
	}

	@Override
	public void updateInt(String label, int length) throws SQLException {
		this.delegate.updateInt(label, length);
	}

	@Override
	public void updateLong(String label, long length) throws SQLException {
		this.delegate.updateLong(label, length);
	}

	@Override
	public void updateFloat(String label, float value) throws SQLException {
		this.delegate.updateFloat(label, value);
	}

	@Override
	public void updateDouble(String label, double value) throws SQLException {
		this.delegate.updateDouble(label, value);
	}

	@Override
	public void updateBigDecimal(String label, BigDecimal value) throws SQLException {
		this.delegate.updateBigDecimal(label, value);
	}

	@Override
	public void updateString(String label, String text) throws SQLException {
		this.delegate.updateString(label, text);
	}

	@Override
	public void updateBytes(String label, byte[] value) throws SQLException {
		this.delegate.updateBytes(label, value);
	}

	@Override
	public void updateDate(String label, Date value) throws SQLException {
		this.delegate.updateDate(label, value);
	}

	@Override
	public void updateTime(String label, Time value) throws SQLException {
		this.delegate.updateTime(label, value);
	}

	@Override
	public void updateTimestamp(String label, Timestamp value) throws SQLException {
		this.delegate.updateTimestamp(label, value);
	}

	@Override
	public void updateAsciiStream(String label, InputStream stream, int length) throws SQLException {
		this.delegate.updateAsciiStream(label, stream, length);
	}

	@Override
	public void updateBinaryStream(String label, InputStream stream, int length) throws SQLException {
		this.delegate.updateBinaryStream(label, stream, length);
	}

	@Override
	public void updateCharacterStream(String label, Reader reader, int length) throws SQLException {
		this.delegate.updateCharacterStream(label, reader, length);
	}

	@Override
	public void updateObject(String label, Object value, int scale) throws SQLException {
		this.delegate.updateObject(label, value, scale);
	}

	@Override
	public void updateObject(String label, Object value) throws SQLException {
		this.delegate.updateObject(label, value);
	}

	@Override
	public void insertRow() throws SQLException {
		this.delegate.insertRow();
	}

	@Override
	public void updateRow() throws SQLException {
		this.delegate.updateRow();
	}

	@Override
	public void deleteRow() throws SQLException {
		this.delegate.deleteRow();
	}

	@Override
	public void refreshRow() throws SQLException {
		this.delegate.refreshRow();
	}

	@Override
	public void cancelRowUpdates() throws SQLException {
		this.delegate.cancelRowUpdates();
	}

	@Override
	public void moveToInsertRow() throws SQLException {
		this.delegate.moveToInsertRow();
	}

	@Override
	public void moveToCurrentRow() throws SQLException {
		this.delegate.moveToCurrentRow();
	}

	@Override
	public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
		return this.delegate.getObject(column, map);
	}

	@Override
	public Ref getRef(int column) throws SQLException {
		return this.delegate.getRef(column);
	}

	@Override
	public Blob getBlob(int column) throws SQLException {
		return this.delegate.getBlob(column);
	}

	@Override
	public Clob getClob(int column) throws SQLException {
		return this.delegate.getClob(column);
	}

	@Override
	public Array getArray(int column) throws SQLException {
		return this.delegate.getArray(column);
	}

	@Override
	public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
		return this.delegate.getObject(label, map);
	}

	@Override
	public Ref getRef(String label) throws SQLException {
		return this.delegate.getRef(label);
	}

	@Override
	public Blob getBlob(String label) throws SQLException {
		return this.delegate.getBlob(label);
	}

	@Override
	public Clob getClob(String label) throws SQLException {
		return this.delegate.getClob(label);
	}

	@Override
	public Array getArray(String label) throws SQLException {
		return this.delegate.getArray(label);
	}

	@Override
	public Date getDate(int column, Calendar calendar) throws SQLException {
		return this.delegate.getDate(column, calendar);
	}

	@Override
	public Date getDate(String label, Calendar calendar) throws SQLException {
		return this.delegate.getDate(label, calendar);
	}

	@Override
	public Time getTime(int column, Calendar calendar) throws SQLException {
		return this.delegate.getTime(column, calendar);
	}

	@Override
	public Time getTime(String label, Calendar calendar) throws SQLException {
		return this.delegate.getTime(label, calendar);
	}

	@Override
	public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
		return this.delegate.getTimestamp(column, calendar);
	}

	@Override
	public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException {
		return this.delegate.getTimestamp(label, calendar);
	}

	@Override
	public URL getURL(int column) throws SQLException {
		return this.delegate.getURL(column);
	}

	@Override
	public URL getURL(String label) throws SQLException {
		return this.delegate.getURL(label);
	}

	@Override
	public void updateRef(int column, Ref value) throws SQLException {
		this.delegate.updateRef(column, value);
	}

	@Override
	public void updateRef(String label, Ref value) throws SQLException {
		this.delegate.updateRef(label, value);
	}

	@Override
	public void updateBlob(int column, Blob value) throws SQLException {
		this.delegate.updateBlob(column, value);
	}

	@Override
	public void updateBlob(String label, Blob value) throws SQLException {
		this.delegate.updateBlob(label, value);
	}

	@Override
	public void updateClob(int column, Clob value) throws SQLException {
		this.delegate.updateClob(column, value);
	}

	@Override
	public void updateClob(String label, Clob value) throws SQLException {
		this.delegate.updateClob(label, value);
	}

	@Override
	public void updateArray(int column, Array value) throws SQLException {
		this.delegate.updateArray(column, value);
	}

	@Override
	public void updateArray(String label, Array value) throws SQLException {
		this.delegate.updateArray(label, value);
	}

	@Override
	public RowId getRowId(int column) throws SQLException {
		return this.delegate.getRowId(column);
	}

	@Override
	public RowId getRowId(String label) throws SQLException {
		return this.delegate.getRowId(label);
	}

	@Override
	public void updateRowId(int column, RowId value) throws SQLException {
		this.delegate.updateRowId(column, value);
	}

	@Override
	public void updateRowId(String label, RowId value) throws SQLException {
		this.delegate.updateRowId(label, value);
	}

	@Override
	public int getHoldability() throws SQLException {
		return this.delegate.getHoldability();
	}

	@Override
	public boolean isClosed() throws SQLException {
		return this.delegate.isClosed();
	}

	@Override
	public void updateNString(int column, String text) throws SQLException {
		this.delegate.updateNString(column, text);
	}

	@Override
	public void updateNString(String label, String text) throws SQLException {
		this.delegate.updateNString(label, text);
	}

	@Override
	public void updateNClob(int column, NClob value) throws SQLException {
		this.delegate.updateNClob(column, value);
	}

	@Override
	public void updateNClob(String label, NClob value) throws SQLException {
		this.delegate.updateNClob(label, value);
	}

	@Override
	public NClob getNClob(int column) throws SQLException {
		return this.delegate.getNClob(column);
	}

	@Override
	public NClob getNClob(String label) throws SQLException {
		return this.delegate.getNClob(label);
	}

	@Override
	public SQLXML getSQLXML(int column) throws SQLException {
		return this.delegate.getSQLXML(column);
	}

	@Override
	public SQLXML getSQLXML(String label) throws SQLException {
		return this.delegate.getSQLXML(label);
	}

	@Override
	public void updateSQLXML(int column, SQLXML value) throws SQLException {
		this.delegate.updateSQLXML(column, value);
	}

	@Override
	public void updateSQLXML(String label, SQLXML value) throws SQLException {
		this.delegate.updateSQLXML(label, value);
	}

	@Override
	public String getNString(int column) throws SQLException {
		return this.delegate.getNString(column);
	}

	@Override
	public String getNString(String label) throws SQLException {
		return this.delegate.getNString(label);
	}

	@Override
	public Reader getNCharacterStream(int column) throws SQLException {
		return this.delegate.getNCharacterStream(column);
	}

	@Override
	public Reader getNCharacterStream(String label) throws SQLException {
		return this.delegate.getNCharacterStream(label);
	}

	@Override
	public void updateNCharacterStream(int column, Reader reader, long length) throws SQLException {
		this.delegate.updateNCharacterStream(column, reader, length);
	}

	@Override
	public void updateNCharacterStream(String label, Reader reader, long length) throws SQLException {
		this.delegate.updateNCharacterStream(label, reader, length);
	}

	@Override
	public void updateAsciiStream(int column, InputStream stream, long length) throws SQLException {
		this.delegate.updateAsciiStream(column, stream, length);
	}

	@Override
	public void updateBinaryStream(int column, InputStream stream, long length) throws SQLException {
		this.delegate.updateBinaryStream(column, stream, length);
	}

	@Override
	public void updateCharacterStream(int column, Reader reader, long length) throws SQLException {
		this.delegate.updateCharacterStream(column, reader, length);
	}

	@Override
	public void updateAsciiStream(String label, InputStream stream, long length) throws SQLException {
		this.delegate.updateAsciiStream(label, stream, length);
	}

	@Override
	public void updateBinaryStream(String label, InputStream stream, long length) throws SQLException {
		this.delegate.updateBinaryStream(label, stream, length);
	}

	@Override
	public void updateCharacterStream(String label, Reader reader, long length) throws SQLException {
		this.delegate.updateCharacterStream(label, reader, length);
	}

	@Override
	public void updateBlob(int column, InputStream stream, long length) throws SQLException {
		this.delegate.updateBlob(column, stream, length);
	}

	@Override
	public void updateBlob(String label, InputStream stream, long length) throws SQLException {
		this.delegate.updateBlob(label, stream, length);
	}

	@Override
	public void updateClob(int column, Reader reader, long length) throws SQLException {
		this.delegate.updateClob(column, reader, length);
	}

	@Override
	public void updateClob(String label, Reader reader, long length) throws SQLException {
		this.delegate.updateClob(label, reader, length);
	}

	@Override
	public void updateNClob(int column, Reader reader, long length) throws SQLException {
		this.delegate.updateNClob(column, reader, length);
	}

	@Override
	public void updateNClob(String label, Reader reader, long length) throws SQLException {
		this.delegate.updateNClob(label, reader, length);
	}

	@Override
	public void updateNCharacterStream(int column, Reader reader) throws SQLException {
		this.delegate.updateNCharacterStream(column, reader);
	}

	@Override
	public void updateNCharacterStream(String label, Reader reader) throws SQLException {
		this.delegate.updateNCharacterStream(label, reader);
	}

	@Override
	public void updateAsciiStream(int column, InputStream stream) throws SQLException {
		this.delegate.updateAsciiStream(column, stream);
	}

	@Override
	public void updateBinaryStream(int column, InputStream stream) throws SQLException {
		this.delegate.updateBinaryStream(column, stream);
	}

	@Override
	public void updateCharacterStream(int column, Reader reader) throws SQLException {
		this.delegate.updateCharacterStream(column, reader);
	}

	@Override
	public void updateAsciiStream(String label, InputStream stream) throws SQLException {
		this.delegate.updateAsciiStream(label, stream);
	}

	@Override
	public void updateBinaryStream(String label, InputStream stream) throws SQLException {
		this.delegate.updateBinaryStream(label, stream);
	}

	@Override
	public void updateCharacterStream(String label, Reader reader) throws SQLException {
		this.delegate.updateCharacterStream(label, reader);
	}

	@Override
	public void updateBlob(int column, InputStream stream) throws SQLException {
		this.delegate.updateBlob(column, stream);
	}

	@Override
	public void updateBlob(String label, InputStream stream) throws SQLException {
		this.delegate.updateBlob(label, stream);
	}

	@Override
	public void updateClob(int column, Reader reader) throws SQLException {
		this.delegate.updateClob(column, reader);
	}

	@Override
	public void updateClob(String label, Reader reader) throws SQLException {
		this.delegate.updateClob(label, reader);
	}

	@Override
	public void updateNClob(int column, Reader reader) throws SQLException {
		this.delegate.updateNClob(column, reader);
	}

	@Override
	public void updateNClob(String label, Reader reader) throws SQLException {
		this.delegate.updateNClob(label, reader);
	}

	@Override
	public <T> T getObject(int column, Class<T> type) throws SQLException {
		return this.delegate.getObject(column, type);
	}

	@Override
	public <T> T getObject(String label, Class<T> type) throws SQLException {
		return this.delegate.getObject(label, type);
	}

	@Override
	public void updateObject(int column, Object value, SQLType type, int length) throws SQLException {
		this.delegate.updateObject(column, value, type, length);
	}

	@Override
	public void updateObject(String label, Object value, SQLType type, int length) throws SQLException {
		this.delegate.updateObject(label, value, type, length);
	}

	@Override
	public void updateObject(int column, Object value, SQLType type) throws SQLException {
		this.delegate.updateObject(column, value, type);
	}

	@Override
	public void updateObject(String label, Object value, SQLType type) throws SQLException {
		this.delegate.updateObject(label, value, type);
	}

}
