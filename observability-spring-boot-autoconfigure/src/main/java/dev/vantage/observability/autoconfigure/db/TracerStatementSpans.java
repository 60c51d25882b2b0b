package dev.vantage.observability.autoconfigure.db;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * Statement spans of a Micrometer {@link Tracer} other than OpenTelemetry's (Brave's), as
 * children of its current span.
 */
final class TracerStatementSpans implements JdbcStatementSpans.Spans {

	private final Tracer tracer;

	TracerStatementSpans(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public @Nullable Object start(String dataSource, MaskedStatements.Statement statement) {
		Span parent = this.tracer.currentSpan();
		if (parent == null || !Boolean.TRUE.equals(parent.context().sampled())) {
			return null;
		}
		return this.tracer.spanBuilder()
			.setParent(parent.context())
			.name(JdbcStatementSpans.NAME)
			.kind(Span.Kind.CLIENT)
			.tag(JdbcStatementSpans.STATEMENT, statement.masked())
			.tag(MaskedStatements.OPERATION, statement.operationName())
			.tag(JdbcStatementSpans.DATASOURCE, dataSource)
			.start();
	}

	@Override
	public void end(Object started, long rows, @Nullable Throwable error) {
		Span span = (Span) started;
		if (rows >= 0) {
			span.tag(JdbcStatementSpans.ROWS, rows);
		}
		if (error != null) {
			span.error(error);
		}
		span.end();
	}

}
