package dev.vantage.observability.autoconfigure.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * An application that traces, as far as statement spans care: a {@link Tracer} bean, and an
 * observation registry ({@link Untraced}: the registry alone) that keeps every stopped
 * observation's context and, like Boot's, times every observation into the meter registry.
 */
@Configuration(proxyBeanMethods = false)
@Import(TracedObservations.Untraced.class)
class TracedObservations {

	static final List<Observation.Context> STOPPED = new CopyOnWriteArrayList<>();

	@Bean
	Tracer tracer() {
		return Tracer.NOOP;
	}

	/** The stopped observations of a name. */
	static List<Observation.Context> stopped(String name) {
		return STOPPED.stream().filter((context) -> name.equals(context.getName())).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class Untraced {

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meters) {
			STOPPED.clear();
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			registry.observationConfig().observationHandler(new ObservationHandler<>() {

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

				@Override
				public void onStop(Observation.Context context) {
					STOPPED.add(context);
				}

			});
			return registry;
		}

	}

}
