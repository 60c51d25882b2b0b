package dev.vantage.observability.autoconfigure.db;

import java.util.List;
import java.util.function.Supplier;

import dev.vantage.observability.db.DataSourceQueryMetrics;
import dev.vantage.observability.db.QueryOperation;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.listener.QueryUtils;

import org.springframework.util.function.SingletonSupplier;

/**
 * Feeds every statement executed through one proxied data source into its
 * {@link DataSourceQueryMetrics}. The meters are created on first use (or when the
 * application has started), not while the data source bean is being created.
 */
final class QueryMetricsListener implements QueryExecutionListener {

	private final SingletonSupplier<DataSourceQueryMetrics> metrics;

	QueryMetricsListener(Supplier<DataSourceQueryMetrics> metrics) {
		this.metrics = SingletonSupplier.of(metrics);
	}

	void registerMeters() {
		this.metrics.obtain();
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		String sql = queryInfoList.isEmpty() ? "" : queryInfoList.get(0).getQuery();
		this.metrics.obtain()
			.record(operation(sql), execInfo.isSuccess(), execInfo.getElapsedTime(), sql);
	}

	private static QueryOperation operation(String sql) {
		return switch (QueryUtils.getQueryType(sql)) {
			case SELECT -> QueryOperation.SELECT;
			case INSERT -> QueryOperation.INSERT;
			case UPDATE -> QueryOperation.UPDATE;
			case DELETE -> QueryOperation.DELETE;
			case OTHER -> QueryOperation.OTHER;
		};
	}

}
