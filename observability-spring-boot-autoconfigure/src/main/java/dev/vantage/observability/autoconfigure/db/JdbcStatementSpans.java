package dev.vantage.observability.autoconfigure.db;

import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation;
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

	private static final class MaskingConvention implements QueryObservationConvention {

		private final MaskedStatements masking;

		MaskingConvention(MaskedStatements masking) {
			this.masking = masking;
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(QueryContext context) {
			return this.masking.mask(QueryObservationConvention.super.getHighCardinalityKeyValues(context), "jdbc.query[");
		}

	}

}
