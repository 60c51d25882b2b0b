package dev.vantage.observability.autoconfigure.db;

import java.util.List;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Feeds every statement executed through one proxied data source into its query meters.
 */
final class QueryMetricsListener implements QueryExecutionListener {

	private final QueryMetricsPostProcessor.Recorder recorder;

	QueryMetricsListener(QueryMetricsPostProcessor.Recorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		String sql = queryInfoList.isEmpty() ? "" : queryInfoList.get(0).getQuery();
		this.recorder.record(sql, execInfo.isSuccess(), execInfo.getElapsedTime());
	}

}
