package dev.vantage.observability.autoconfigure.db;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation.QueryHighCardinalityKeyNames;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation.QueryLowCardinalityKeyNames;
import net.ttddyy.observation.tracing.QueryContext;
import net.ttddyy.observation.tracing.QueryObservationConvention;

/**
 * JDBC statement spans from datasource-micrometer's listener, on the datasource-proxy proxy
 * that also times statements: one {@code jdbc.query} observation per statement (connection
 * and result-set observations are left out: they double the spans of a request for little),
 * with the statement masked, the rows an update changed, no parameter values, and errors
 * marked. Its timers would repeat {@code db.query}, so Vantage denies them. The listener is
 * not a method listener: watching every JDBC call, only to put the database's address on each
 * span, costs allocation on every statement (the request-overhead benchmark measured it).
 */
final class JdbcStatementSpans {

	/** The name of datasource-micrometer's statement observation, and of its timers. */
	static final String OBSERVATION = "jdbc.query";

	private final QueryObservationConvention convention;

	JdbcStatementSpans(MaskedStatements masking) {
		this.convention = new MaskingConvention(masking);
	}

	/** Adds a statement observation listener to a proxy's configuration. */
	void addTo(ProxyConfig.Builder config, Supplier<ObservationRegistry> observations) {
		DataSourceObservationListener listener = new DataSourceObservationListener(observations);
		listener.setSupportedTypes(Set.of(JdbcObservationDocumentation.QUERY));
		listener.setQueryObservationConvention(this.convention);
		config.queryListener(listener);
	}

	/**
	 * The statement span's key values, made directly (the library's default formats each key
	 * and fills a set on every statement): the data source, each statement masked, its
	 * operation, and the rows an update changed. Parameter values are never collected.
	 */
	private static final class MaskingConvention implements QueryObservationConvention {

		private static final String[] STATEMENT_KEYS = IntStream.range(0, 8).mapToObj(MaskingConvention::format)
			.toArray(String[]::new);

		private static final KeyValue[] NO_ROWS = {};

		private final MaskedStatements masking;

		MaskingConvention(MaskedStatements masking) {
			this.masking = masking;
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(QueryContext context) {
			String dataSource = context.getDataSourceName();
			return (dataSource != null) ? KeyValues.of(QueryLowCardinalityKeyNames.DATASOURCE_NAME.asString(), dataSource)
					: KeyValues.empty();
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(QueryContext context) {
			String rows = context.getAffectedRowCount();
			return this.masking.of(context.getQueries(), MaskingConvention::statementKey,
					(rows != null) ? new KeyValue[] { KeyValue.of(QueryHighCardinalityKeyNames.ROW_AFFECTED, rows) }
							: NO_ROWS);
		}

		private static String statementKey(int index) {
			return (index < STATEMENT_KEYS.length) ? STATEMENT_KEYS[index] : format(index);
		}

		private static String format(int index) {
			return String.format(QueryHighCardinalityKeyNames.QUERY.asString(), index);
		}

	}

}
