package dev.vantage.observability.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One error of a group as an on-call engineer first looks at it: the request or job it ended
 * and what that request logged before, masked and bounded. A group keeps its latest sample,
 * taken at most once a minute.
 *
 * @param time when the error was seen, epoch milliseconds
 * @param traceId its trace id, or {@code null}
 * @param method the HTTP method, or {@code null} for a job or a log line
 * @param where the route template, logger or page
 * @param status the HTTP status, 0 for other sources
 * @param query the query string, masked and bounded, or {@code null}
 * @param headers the allow-listed request headers, masked and bounded
 * @param tenant the tenant, or {@code null}
 * @param principal the principal, hashed or masked as configured, or {@code null}
 * @param environment the environment the application runs in
 * @param version the application's version
 * @param breadcrumbs the request's or job's last log events before the error, oldest first
 */
public record ErrorSample(long time, @Nullable String traceId, @Nullable String method, @Nullable String where,
		int status, @Nullable String query, Map<String, String> headers, @Nullable String tenant,
		@Nullable String principal, String environment, String version, List<Breadcrumbs.Breadcrumb> breadcrumbs) {

	/**
	 * Copies the collections.
	 * @param time when the error was seen, epoch milliseconds
	 * @param traceId its trace id, or {@code null}
	 * @param method the HTTP method, or {@code null} for a job or a log line
	 * @param where the route template, logger or page
	 * @param status the HTTP status, 0 for other sources
	 * @param query the query string, masked and bounded, or {@code null}
	 * @param headers the allow-listed request headers, masked and bounded
	 * @param tenant the tenant, or {@code null}
	 * @param principal the principal, hashed or masked as configured, or {@code null}
	 * @param environment the environment the application runs in
	 * @param version the application's version
	 * @param breadcrumbs the request's or job's last log events before the error, oldest first
	 */
	public ErrorSample {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
		breadcrumbs = List.copyOf(breadcrumbs);
	}

}
