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
 * cached, as an application runs the same few statements over and over. The cache is bounded:
 * when it is full, a new statement takes the place of one that has not been used since the
 * cache last looked (the least recently used, as a second-chance clock approximates it), so an
 * application with more statements than the cache holds keeps its busy ones, and a hit costs a
 * lookup and no allocation. A failure of its own drops the statement text rather than let an
 * unmasked one through, and is counted under its component. Its failure counter is looked up
 * once the application has started: Boot asks for statement conventions while it builds a
 * connection factory, before the meter registry may exist.
 */
final class MaskedStatements implements SmartInitializingSingleton {

	/** The span tag of a statement's operation (select, insert, update, delete, other). */
	static final String OPERATION = "db.operation.name";

	private static final String COMPONENT = "database span statement masking";

	/** How many statements the cache holds. */
	static final int CACHED = 512;

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

	/**
	 * A statement masked, from the cache.
	 * @param sql the statement as the application ran it
	 * @return its masked text and operation
	 */
	Statement statement(String sql) {
		Statement cached = this.statements.get(sql);
		if (cached != null) {
			cached.use();
			return cached;
		}
		if (this.statements.size() >= CACHED) {
			evictOne();
		}
		Statement result = new Statement(SqlMasker.mask(sql), QueryOperation.of(sql).tagValue());
		this.statements.put(sql, result);
		return result;
	}

	/**
	 * Removes one statement not used since the last sweep, clearing the mark of each used one
	 * it passes; after a whole sweep every mark is clear, so the second one finds one.
	 */
	private void evictOne() {
		for (int sweep = 0; sweep < 2; sweep++) {
			for (Map.Entry<String, Statement> entry : this.statements.entrySet()) {
				if (!entry.getValue().clearUse() && this.statements.remove(entry.getKey(), entry.getValue())) {
					return;
				}
			}
		}
	}

	/** Whether a statement is cached, for tests. */
	boolean isCached(String sql) {
		return this.statements.containsKey(sql);
	}

	/**
	 * A statement's masked text and its operation, as a span shows them, and whether it was
	 * used since the cache last swept (written only when it changes, so a hit on a busy
	 * statement writes nothing).
	 */
	static final class Statement {

		private final String masked;

		private final String operationName;

		private final KeyValue operation;

		private volatile boolean used;

		Statement(String masked, String operationName) {
			this.masked = masked;
			this.operationName = operationName;
			this.operation = KeyValue.of(OPERATION, operationName);
		}

		/** The statement with its literals masked. */
		String masked() {
			return this.masked;
		}

		/** Its operation: select, insert, update, delete or other. */
		String operationName() {
			return this.operationName;
		}

		KeyValue operation() {
			return this.operation;
		}

		void use() {
			if (!this.used) {
				this.used = true;
			}
		}

		/** Clears the mark, returning whether it was set. */
		boolean clearUse() {
			boolean was = this.used;
			if (was) {
				this.used = false;
			}
			return was;
		}

	}

}
