package dev.vantage.observability.http;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

/**
 * Gives the timers of one name histogram buckets at service-level objectives, unless the
 * application configured its own.
 */
public final class ServiceLevelObjectivesMeterFilter implements MeterFilter {

	private final String meterName;

	private final double[] bucketsNanos;

	/**
	 * Creates the filter.
	 * @param meterName the timer name, for example {@code http.server.requests}
	 * @param objectives the bucket boundaries, at least one
	 */
	public ServiceLevelObjectivesMeterFilter(String meterName, List<Duration> objectives) {
		if (objectives.isEmpty()) {
			throw new IllegalArgumentException("'objectives' must not be empty");
		}
		this.meterName = meterName;
		this.bucketsNanos = objectives.stream().mapToDouble(Duration::toNanos).sorted().toArray();
	}

	@Override
	public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (!id.getName().equals(this.meterName) || config.getServiceLevelObjectiveBoundaries() != null) {
			return config;
		}
		return DistributionStatisticConfig.builder()
			.serviceLevelObjectives(this.bucketsNanos)
			.build()
			.merge(config);
	}

}
