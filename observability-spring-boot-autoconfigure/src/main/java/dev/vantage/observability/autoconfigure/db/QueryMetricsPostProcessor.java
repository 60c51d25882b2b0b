package dev.vantage.observability.autoconfigure.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import dev.vantage.observability.db.DataSourceQueryMetrics;
import dev.vantage.observability.db.QueryOperation;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * What the JDBC and R2DBC post-processors share: the query meters of each data source or
 * connection factory they wrap, created on first use or when the application has started,
 * whichever comes first, never while the wrapped bean is being created (the registry may not
 * exist yet). Runs last, so other post-processors see the original bean. When the
 * application traces (a Micrometer Tracing {@code Tracer} bean is defined), the same proxy
 * also makes each statement an observation, so a span of the request's trace.
 */
abstract class QueryMetricsPostProcessor
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, Ordered {

	private static final String TRACER = "io.micrometer.tracing.Tracer";

	private final ObjectProvider<MeterRegistry> registry;

	private final ObjectProvider<VantageDbProperties> properties;

	private final SingletonSupplier<ObserverFailures> failures;

	private final SingletonSupplier<ObservationRegistry> observations;

	private final List<Recorder> recorders = new CopyOnWriteArrayList<>();

	private @Nullable ListableBeanFactory beanFactory;

	QueryMetricsPostProcessor(ObjectProvider<MeterRegistry> registry, ObjectProvider<VantageDbProperties> properties,
			ObjectProvider<ObserverFailures> failures, ObjectProvider<ObservationRegistry> observations) {
		this.registry = registry;
		this.properties = properties;
		this.failures = SingletonSupplier.of(() -> failures.getIfAvailable(ObserverFailures::logOnly));
		this.observations = SingletonSupplier.of(() -> observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (beanFactory instanceof ListableBeanFactory listable) ? listable : null;
	}

	/**
	 * Where statement observations go, looked up on the first statement (never while the
	 * wrapped bean is being created: Boot's registry needs the meter registry, whose binders
	 * may need that very bean).
	 * @return the registry, or {@code null} when the application traces nothing, so that
	 * statements cost no observation
	 */
	@Nullable Supplier<ObservationRegistry> observations() {
		ClassLoader loader = getClass().getClassLoader();
		if (this.beanFactory == null || !ClassUtils.isPresent(TRACER, loader)) {
			return null;
		}
		Class<?> tracer = ClassUtils.resolveClassName(TRACER, loader);
		return (this.beanFactory.getBeanNamesForType(tracer, true, false).length > 0) ? this.observations : null;
	}

	/**
	 * Returns the recorder of one data source or connection factory.
	 * @param name its bean name, the {@code datasource} tag
	 * @return the recorder
	 */
	Recorder recorder(String name) {
		Recorder recorder = new Recorder(SingletonSupplier.of(() -> {
			VantageDbProperties db = this.properties.getObject();
			return new DataSourceQueryMetrics(this.registry.getObject(), name, db.getSlowQueryThreshold(), db.getSlo());
		}), this.failures);
		this.recorders.add(recorder);
		return recorder;
	}

	/** Registers every recorder's meters, so they show zero before any query. */
	@Override
	public final void afterSingletonsInstantiated() {
		this.recorders.forEach((recorder) -> recorder.metrics.obtain());
		if (!this.recorders.isEmpty()) {
			this.failures.obtain().declare(Recorder.COMPONENT);
		}
	}

	@Override
	public final int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Records the statements of one data source or connection factory; a failure of its own
	 * never reaches the statement the application ran.
	 */
	static final class Recorder {

		private static final String COMPONENT = "database statement timer";

		private final SingletonSupplier<DataSourceQueryMetrics> metrics;

		private final SingletonSupplier<ObserverFailures> failures;

		private Recorder(SingletonSupplier<DataSourceQueryMetrics> metrics, SingletonSupplier<ObserverFailures> failures) {
			this.metrics = metrics;
			this.failures = failures;
		}

		void record(String sql, boolean success, long durationNanos) {
			try {
				this.metrics.obtain().record(QueryOperation.of(sql), success, durationNanos, sql);
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.obtain().failed(COMPONENT, ex);
			}
		}

	}

}
