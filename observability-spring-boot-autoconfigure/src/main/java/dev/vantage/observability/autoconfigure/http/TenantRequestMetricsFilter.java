package dev.vantage.observability.autoconfigure.http;

import java.io.IOException;

import dev.vantage.observability.http.TenantRequestMetrics;
import dev.vantage.observability.support.ObserverFailures;
import dev.vantage.observability.tenant.TenantContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times each request into {@code http.server.tenant.requests}, with the tenant current
 * when the request ends (domain code may have set it explicitly).
 */
final class TenantRequestMetricsFilter extends OncePerRequestFilter {

	private static final String COMPONENT = "tenant request timer";

	private final TenantRequestMetrics metrics;

	private final ObserverFailures failures;

	TenantRequestMetricsFilter(TenantRequestMetrics metrics, ObserverFailures failures) {
		this.metrics = metrics;
		this.failures = failures;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			boolean completed = !failed;
			this.failures.run(COMPONENT, () -> {
				String tenant = TenantContext.current();
				if (completed && request.isAsyncStarted()) {
					request.getAsyncContext().addListener(new RecordOnCompletion(tenant, start));
				}
				else {
					this.metrics.record(tenant, response.getStatus(), !completed, System.nanoTime() - start);
				}
			});
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

	/** Records an asynchronous request when it completes. */
	private final class RecordOnCompletion implements AsyncListener {

		private final String tenant;

		private final long start;

		RecordOnCompletion(String tenant, long start) {
			this.tenant = tenant;
			this.start = start;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			HttpServletResponse response = (HttpServletResponse) event.getSuppliedResponse();
			record(response.getStatus(), false);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			record(HttpServletResponse.SC_SERVICE_UNAVAILABLE, true);
		}

		@Override
		public void onError(AsyncEvent event) {
			record(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, true);
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

		private void record(int status, boolean failed) {
			TenantRequestMetricsFilter.this.failures.run(COMPONENT, () -> TenantRequestMetricsFilter.this.metrics
				.record(this.tenant, status, failed, System.nanoTime() - this.start));
		}

	}

}
