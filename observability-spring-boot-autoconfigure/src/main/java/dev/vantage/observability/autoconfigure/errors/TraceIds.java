package dev.vantage.observability.autoconfigure.errors;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The trace id of an observation's span, as Micrometer Tracing's handler left it in the
 * context; none without tracing.
 */
final class TraceIds {

	private static final boolean TRACING = ClassUtils.isPresent(
			"io.micrometer.tracing.handler.TracingObservationHandler", TraceIds.class.getClassLoader());

	private TraceIds() {
	}

	static @Nullable String of(Observation.Context context) {
		return TRACING ? Tracing.traceId(context) : null;
	}

	/** Loaded only when Micrometer Tracing is there. */
	private static final class Tracing {

		static @Nullable String traceId(Observation.Context context) {
			TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
			Span span = (tracing != null) ? tracing.getSpan() : null;
			String traceId = (span != null) ? span.context().traceId() : null;
			return (traceId == null || traceId.isEmpty()) ? null : traceId;
		}

	}

}
