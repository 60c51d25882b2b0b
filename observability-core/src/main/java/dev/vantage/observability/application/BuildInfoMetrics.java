package dev.vantage.observability.application;

import dev.vantage.observability.cardinality.TagValues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes {@value #METER}{version, commit} = 1 so that dashboards can show and annotate
 * which build runs.
 */
public final class BuildInfoMetrics implements MeterBinder {

	/** The meter name. */
	public static final String METER = "application.build.info";

	/** The tag value used when the version or commit is not known. */
	public static final String UNKNOWN = "unknown";

	private final String version;

	private final String commit;

	/**
	 * Creates the binder.
	 * @param version the build version, {@code null} when unknown
	 * @param commit the abbreviated commit id, {@code null} when unknown
	 */
	public BuildInfoMetrics(@Nullable String version, @Nullable String commit) {
		this.version = (version != null) ? TagValues.sanitize(version) : UNKNOWN;
		this.commit = (commit != null) ? TagValues.sanitize(commit) : UNKNOWN;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(METER, () -> 1)
			.description("The running build: always 1, with its version and commit as tags")
			.tag("version", this.version)
			.tag("commit", this.commit)
			.register(registry);
	}

}
