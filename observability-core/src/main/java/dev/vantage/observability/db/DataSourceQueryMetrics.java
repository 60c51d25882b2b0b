package dev.vantage.observability.db;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.vantage.observability.cardinality.TagValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query meters of one data source: {@value #QUERY_METER}{datasource, operation,
 * outcome} and {@value #SLOW_METER}{datasource, operation}, all registered up front so that
 * dashboards show zero rather than nothing. A query slower than the threshold is also
 * logged once at WARN with its masked SQL on the {@value #SLOW_QUERY_LOGGER} logger.
 */
public final class DataSourceQueryMetrics {

	/** The query timer. */
	public static final String QUERY_METER = "db.query";

	/** The counter of queries slower than the threshold. */
	public static final String SLOW_METER = "db.query.slow";

	/** The logger of slow queries. */
	public static final String SLOW_QUERY_LOGGER = "dev.vantage.observability.db.SlowQuery";

	private static final Logger logger = LoggerFactory.getLogger(SLOW_QUERY_LOGGER);

	private static final QueryOperation[] OPERATIONS = QueryOperation.values();

	private final String dataSource;

	private final long slowThresholdNanos;

	private final Timer[] succeeded = new Timer[OPERATIONS.length];

	private final Timer[] failed = new Timer[OPERATIONS.length];

	private final Counter[] slow = new Counter[OPERATIONS.length];

	/**
	 * Registers the meters of one data source.
	 * @param registry the registry
	 * @param dataSource the data source name (its bean name)
	 * @param slowThreshold the duration over which a query counts as slow
	 * @param serviceLevelObjectives the histogram buckets of the query timer
	 */
	public DataSourceQueryMetrics(MeterRegistry registry, String dataSource, Duration slowThreshold,
			List<Duration> serviceLevelObjectives) {
		this.dataSource = TagValues.sanitize(dataSource);
		this.slowThresholdNanos = slowThreshold.toNanos();
		Duration[] buckets = serviceLevelObjectives.toArray(Duration[]::new);
		for (QueryOperation operation : OPERATIONS) {
			int i = operation.ordinal();
			this.succeeded[i] = timer(registry, operation, "success", buckets);
			this.failed[i] = timer(registry, operation, "error", buckets);
			this.slow[i] = Counter.builder(SLOW_METER)
				.description("SQL statements (JDBC or R2DBC) slower than observability.db.slow-query-threshold")
				.tag("datasource", this.dataSource)
				.tag("operation", operation.tagValue())
				.register(registry);
		}
	}

	private Timer timer(MeterRegistry registry, QueryOperation operation, String outcome, Duration[] buckets) {
		return Timer.builder(QUERY_METER)
			.description("SQL statement (JDBC or R2DBC) execution time")
			.tag("datasource", this.dataSource)
			.tag("operation", operation.tagValue())
			.tag("outcome", outcome)
			.serviceLevelObjectives(buckets)
			.register(registry);
	}

	/**
	 * Records one executed statement (or batch).
	 * @param operation what kind of statement it was
	 * @param success whether it completed without an exception
	 * @param durationNanos how long it took
	 * @param sql the statement text, masked before it is logged
	 */
	public void record(QueryOperation operation, boolean success, long durationNanos, String sql) {
		int i = operation.ordinal();
		(success ? this.succeeded[i] : this.failed[i]).record(durationNanos, TimeUnit.NANOSECONDS);
		if (durationNanos >= this.slowThresholdNanos) {
			this.slow[i].increment();
			logSlowQuery(operation, durationNanos, sql);
		}
	}

	private void logSlowQuery(QueryOperation operation, long durationNanos, String sql) {
		if (!logger.isWarnEnabled()) {
			return;
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(durationNanos);
		String masked = SqlMasker.mask(sql);
		logger.atWarn()
			.addKeyValue("datasource", this.dataSource)
			.addKeyValue("operation", operation.tagValue())
			.addKeyValue("duration_ms", millis)
			.addKeyValue("sql", masked)
			.log("Slow {} on '{}' took {} ms: {}", operation.tagValue(), this.dataSource, millis, masked);
	}

}
