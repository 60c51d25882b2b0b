package dev.vantage.observability.autoconfigure.db;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * Statement spans of the OpenTelemetry SDK that Boot's tracing uses, as children of the span
 * that is current in OpenTelemetry's context (Micrometer Tracing's bridge keeps the request's
 * span there). Attribute keys are made once.
 */
final class OpenTelemetryStatementSpans implements JdbcStatementSpans.Spans {

	private static final String SCOPE = "dev.vantage.observability.jdbc";

	private static final AttributeKey<String> STATEMENT = AttributeKey.stringKey(JdbcStatementSpans.STATEMENT);

	private static final AttributeKey<String> OPERATION = AttributeKey.stringKey(MaskedStatements.OPERATION);

	private static final AttributeKey<String> DATASOURCE = AttributeKey.stringKey(JdbcStatementSpans.DATASOURCE);

	private static final AttributeKey<Long> ROWS = AttributeKey.longKey(JdbcStatementSpans.ROWS);

	private final Tracer tracer;

	/** @param openTelemetry the application's {@link OpenTelemetry} bean */
	OpenTelemetryStatementSpans(Object openTelemetry) {
		this.tracer = ((OpenTelemetry) openTelemetry).getTracer(SCOPE);
	}

	@Override
	public @Nullable Object start(String dataSource, MaskedStatements.Statement statement) {
		if (!Span.current().getSpanContext().isSampled()) {
			return null;
		}
		return this.tracer.spanBuilder(JdbcStatementSpans.NAME)
			.setSpanKind(SpanKind.CLIENT)
			.setAttribute(STATEMENT, statement.masked())
			.setAttribute(OPERATION, statement.operationName())
			.setAttribute(DATASOURCE, dataSource)
			.startSpan();
	}

	@Override
	public void end(Object started, long rows, @Nullable Throwable error) {
		Span span = (Span) started;
		if (rows >= 0) {
			span.setAttribute(ROWS, rows);
		}
		if (error != null) {
			// As Micrometer Tracing marks an error: the exception, then the status with its message
			// (the span masking masks both, as the exception's recording tells it to look).
			span.recordException(error);
			span.setStatus(StatusCode.ERROR,
					(error.getMessage() != null) ? error.getMessage() : error.getClass().getName());
		}
		span.end();
	}

}
