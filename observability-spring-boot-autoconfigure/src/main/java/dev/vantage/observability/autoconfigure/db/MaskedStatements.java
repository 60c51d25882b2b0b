package dev.vantage.observability.autoconfigure.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * and the statement's operation as {@value #OPERATION}. Masked texts are cached, as an
 * application runs the same few statements over and over; the cache is bounded and starts
 * afresh when full. A failure of its own drops the statement text rather than let an
 * unmasked one through, and is counted under its component. Its failure counter is looked up
 * once the application has started: Boot asks for statement conventions while it builds a
 * connection factory, before the meter registry may exist.
 */
final class MaskedStatements implements SmartInitializingSingleton {

	/** The span tag of a statement's operation (select, insert, update, delete, other). */
	static final String OPERATION = "db.operation.name";

	private static final String COMPONENT = "database span statement masking";

	private static final int CACHED = 512;

	private final Map<String, String> masked = new ConcurrentHashMap<>();

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
	 * @param statementKey the prefix of its statement keys ({@code jdbc.query[})
	 * @return the key values with every statement masked and the operation added
	 */
	KeyValues mask(KeyValues values, String statementKey) {
		try {
			List<KeyValue> result = new ArrayList<>();
			String first = null;
			for (KeyValue value : values) {
				if (value.getKey().startsWith(statementKey)) {
					first = (first != null) ? first : value.getValue();
					result.add(KeyValue.of(value.getKey(), masked(value.getValue())));
				}
				else {
					result.add(value);
				}
			}
			if (first != null) {
				result.add(KeyValue.of(OPERATION, QueryOperation.of(first).tagValue()));
			}
			return KeyValues.of(result);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.obtain().failed(COMPONENT, ex);
			return KeyValues.empty();
		}
	}

	private String masked(String sql) {
		String cached = this.masked.get(sql);
		if (cached != null) {
			return cached;
		}
		if (this.masked.size() >= CACHED) {
			this.masked.clear();
		}
		String result = SqlMasker.mask(sql);
		this.masked.put(sql, result);
		return result;
	}

}
