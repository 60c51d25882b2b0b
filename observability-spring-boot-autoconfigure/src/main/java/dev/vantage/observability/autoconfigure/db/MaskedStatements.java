package dev.vantage.observability.autoconfigure.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import dev.vantage.observability.db.QueryOperation;
import dev.vantage.observability.db.SqlMasker;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.function.SingletonSupplier;

/**
 * What the statement observation conventions of JDBC and R2DBC share: the statement text of a
 * database span with its literals masked ({@code where id = 42} becomes {@code where id = ?}),
 * and the statement's operation as {@value #OPERATION}. Masked texts and operations are
 * cached, as an application runs the same few statements over and over; the cache is bounded
 * and starts afresh when full. A failure of its own drops the statement text rather than let an
 * unmasked one through, and is counted under its component. Its failure counter is looked up
 * once the application has started: Boot asks for statement conventions while it builds a
 * connection factory, before the meter registry may exist.
 */
final class MaskedStatements implements SmartInitializingSingleton {

	/** The span tag of a statement's operation (select, insert, update, delete, other). */
	static final String OPERATION = "db.operation.name";

	private static final String COMPONENT = "database span statement masking";

	private static final int CACHED = 512;

	private final Map<String, Statement> statements = new ConcurrentHashMap<>();

	private final SingletonSupplier<ObserverFailures> failures;

	MaskedStatements(ObjectProvider<ObserverFailures> failures) {
		this.failures = SingletonSupplier.of(() -> failures.getIfAvailable(ObserverFailures::logOnly));
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.failures.obtain().declare(COMPONENT);
	}

	/**
	 * Masks the statements among a span's key values.
	 * @param values the key values a library's convention made
	 * @param statementKey the prefix of its statement keys ({@code r2dbc.query[})
	 * @return the key values with every statement masked and the operation added
	 */
	KeyValues mask(KeyValues values, String statementKey) {
		try {
			List<KeyValue> result = new ArrayList<>();
			Statement first = null;
			for (KeyValue value : values) {
				if (value.getKey().startsWith(statementKey)) {
					Statement statement = statement(value.getValue());
					first = (first != null) ? first : statement;
					result.add(KeyValue.of(value.getKey(), statement.masked()));
				}
				else {
					result.add(value);
				}
			}
			if (first != null) {
				result.add(first.operation());
			}
			return KeyValues.of(result);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.obtain().failed(COMPONENT, ex);
			return KeyValues.empty();
		}
	}

	/**
	 * The key values of a span of statements, made here rather than masked afterwards: each
	 * statement's masked text, the first one's operation, and any other values.
	 * @param statements the statements, in order
	 * @param statementKeys the key of the statement at each index
	 * @param others the span's other key values
	 * @return the key values
	 */
	KeyValues of(List<String> statements, IntFunction<String> statementKeys, KeyValue... others) {
		if (statements.isEmpty()) {
			return KeyValues.of(others);
		}
		try {
			KeyValue[] result = Arrays.copyOf(others, others.length + statements.size() + 1);
			for (int i = 0; i < statements.size(); i++) {
				result[others.length + i] = KeyValue.of(statementKeys.apply(i), statement(statements.get(i)).masked());
			}
			result[result.length - 1] = statement(statements.get(0)).operation();
			return KeyValues.of(result);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.obtain().failed(COMPONENT, ex);
			return KeyValues.empty();
		}
	}

	private Statement statement(String sql) {
		Statement cached = this.statements.get(sql);
		if (cached != null) {
			return cached;
		}
		if (this.statements.size() >= CACHED) {
			this.statements.clear();
		}
		Statement result = new Statement(SqlMasker.mask(sql),
				KeyValue.of(OPERATION, QueryOperation.of(sql).tagValue()));
		this.statements.put(sql, result);
		return result;
	}

	/** A statement's masked text and its operation, as a span shows them. */
	private record Statement(String masked, KeyValue operation) {
	}

}
