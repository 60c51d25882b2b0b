package dev.vantage.observability.autoconfigure.db;

import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * A client span per JDBC statement, made with the application's tracer directly: no
 * observation, no scope opened, nothing propagated, so a statement costs about one span. With
 * Boot's OpenTelemetry tracing the span is the SDK's own, with attribute keys made once; with
 * another Micrometer tracer (Brave), the tracer's. A statement makes a span only as the child of
 * a sampled span (a request or a job the application traces), and only where Boot would make
 * the {@value #OBSERVATION} observation: {@code management.observations.enable.jdbc=false} (or
 * an observation predicate of the application's) switches them off. Each span carries the
 * statement masked ({@value #STATEMENT}), its operation, the data source, the rows an update
 * changed and the error of a failed statement; parameter values never. The tracer is looked up
 * on the first statement, never while a data source is being created.
 */
final class JdbcStatementSpans implements SmartInitializingSingleton {

	/** The observation name Boot's {@code management.observations.enable.*} properties switch. */
	static final String OBSERVATION = "jdbc.query";

	/** The span's name. */
	static final String NAME = "query";

	/** The span attribute of the statement, masked. */
	static final String STATEMENT = "jdbc.query[0]";

	/** The span attribute of the data source's bean name. */
	static final String DATASOURCE = "jdbc.datasource.name";

	/** The span attribute of the rows an update changed. */
	static final String ROWS = "jdbc.row-affected";

	private static final String COMPONENT = "database statement span";

	private static final String TRACER = "io.micrometer.tracing.Tracer";

	private static final String OTEL_TRACER = "io.micrometer.tracing.otel.bridge.OtelTracer";

	private static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";

	/** No tracer, or spans switched off. */
	private static final Spans NONE = new Spans() {

		@Override
		public @Nullable Object start(String dataSource, MaskedStatements.Statement statement) {
			return null;
		}

		@Override
		public void end(Object span, long rows, @Nullable Throwable error) {
		}

	};

	private final MaskedStatements masking;

	private final SingletonSupplier<ObserverFailures> failures;

	private final SingletonSupplier<Spans> spans;

	JdbcStatementSpans(MaskedStatements masking, ObjectProvider<ObserverFailures> failures, ListableBeanFactory beans) {
		this.masking = masking;
		this.failures = SingletonSupplier.of(() -> failures.getIfAvailable(ObserverFailures::logOnly));
		this.spans = SingletonSupplier.of(() -> spans(beans));
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.failures.obtain().declare(COMPONENT);
	}

	/**
	 * Starts a statement's span.
	 * @param dataSource the data source's bean name
	 * @param sql the statement
	 * @return the span, or {@code null} when the statement makes none
	 */
	@Nullable Object start(String dataSource, String sql) {
		try {
			Spans spans = this.spans.obtain();
			return (spans != NONE) ? spans.start(dataSource, this.masking.statement(sql)) : null;
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.obtain().failed(COMPONENT, ex);
			return null;
		}
	}

	/**
	 * Ends a statement's span.
	 * @param span what {@link #start} returned
	 * @param rows the rows an update changed, or -1
	 * @param error the statement's exception, if it failed
	 */
	void end(Object span, long rows, @Nullable Throwable error) {
		try {
			this.spans.obtain().end(span, rows, error);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.obtain().failed(COMPONENT, ex);
		}
	}

	private static Spans spans(ListableBeanFactory beans) {
		ClassLoader loader = JdbcStatementSpans.class.getClassLoader();
		if (!ClassUtils.isPresent(TRACER, loader)) {
			return NONE;
		}
		Tracer tracer = beans.getBeanProvider(Tracer.class).getIfUnique();
		ObservationRegistry observations = beans.getBeanProvider(ObservationRegistry.class).getIfUnique();
		if (tracer == null || tracer == Tracer.NOOP
				|| (observations != null && Observation.createNotStarted(OBSERVATION, observations).isNoop())) {
			return NONE;
		}
		if (tracer.getClass().getName().equals(OTEL_TRACER) && ClassUtils.isPresent(OPEN_TELEMETRY, loader)) {
			Object openTelemetry = beans.getBeanProvider(ClassUtils.resolveClassName(OPEN_TELEMETRY, loader)).getIfUnique();
			if (openTelemetry != null) {
				return new OpenTelemetryStatementSpans(openTelemetry);
			}
		}
		return new TracerStatementSpans(tracer);
	}

	/** How one kind of tracer makes statement spans. */
	interface Spans {

		/** A statement's span started, or {@code null} where there is no sampled span to be the child of. */
		@Nullable Object start(String dataSource, MaskedStatements.Statement statement);

		void end(Object span, long rows, @Nullable Throwable error);

	}

}
