package dev.vantage.observability.errors;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What is known about the request or job an error ended, as it is: the tracker masks and
 * bounds it when the error's group takes a new sample ({@link ErrorSample}), which most errors
 * of a group seen before do not.
 *
 * @param method the HTTP method, or {@code null} for a job
 * @param query the raw query string, or {@code null}
 * @param headers the allow-listed request headers present, by name
 * @param tenant the tenant, or {@code null}
 * @param principal the authenticated principal's name, or {@code null}
 * @param breadcrumbs the request's or job's last log events, or {@code null}
 */
public record ErrorContext(@Nullable String method, @Nullable String query, Map<String, String> headers,
		@Nullable String tenant, @Nullable String principal, @Nullable Breadcrumbs breadcrumbs) {

	/** Nothing known. */
	public static final ErrorContext NONE = new ErrorContext(null, null, Map.of(), null, null, null);

}
