package dev.vantage.observability.autoconfigure.errors;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.vantage.observability.errors.ErrorGroup;
import dev.vantage.observability.errors.ErrorTracker;

/**
 * {@code /actuator/errors}: every error group this process keeps, the most recently seen
 * first; {@code /actuator/errors/{fingerprint}}: one group with its sample stack trace and
 * its latest sample (the request, tenant, principal, version and breadcrumbs).
 * Messages are masked. Exposed only when the application adds {@code errors} to
 * {@code management.endpoints.web.exposure.include}, and then protected as its other
 * actuator endpoints (Vantage warns when anyone may read it).
 */
@Endpoint(id = "errors")
public class ErrorsEndpoint {

	private final ErrorTracker tracker;

	ErrorsEndpoint(ErrorTracker tracker) {
		this.tracker = tracker;
	}

	@ReadOperation
	public Map<String, Object> groups() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("scope", "process-local: this instance since it started; errors_total in Prometheus counts "
				+ "every instance");
		body.put("maxGroups", this.tracker.limits().maxGroups());
		body.put("maxBrowserGroups", this.tracker.limits().maxBrowserGroups());
		body.put("evictedGroups", this.tracker.evictedGroups());
		body.put("groups", this.tracker.groups().stream().map(ErrorsEndpoint::summary).toList());
		return body;
	}

	@ReadOperation
	public @Nullable Map<String, Object> group(@Selector String fingerprint) {
		ErrorGroup group = this.tracker.group(fingerprint);
		if (group == null) {
			return null;
		}
		Map<String, Object> body = summary(group);
		List<Map<String, Object>> frames = group.stackTrace()
			.stream()
			.map((frame) -> Map.<String, Object>of("frame", frame.text(), "application", frame.application()))
			.toList();
		body.put("stackTrace", frames);
		if (group.sample() != null) {
			body.put("sample", ErrorSampleLog.sample(group.sample()));
		}
		return body;
	}

	private static Map<String, Object> summary(ErrorGroup group) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("fingerprint", group.fingerprint());
		summary.put("exception", group.exception());
		summary.put("rootCause", group.rootCause());
		summary.put("message", group.message());
		summary.put("count", group.count());
		summary.put("firstSeen", Instant.ofEpochMilli(group.firstSeen()).toString());
		summary.put("lastSeen", Instant.ofEpochMilli(group.lastSeen()).toString());
		summary.put("version", group.version());
		summary.put("source", group.lastSource().tag());
		summary.put("handled", group.lastHandled());
		summary.put("where", group.where());
		if (group.lastStatus() > 0) {
			summary.put("status", group.lastStatus());
		}
		summary.put("lastTraceId", group.lastTraceId());
		return summary;
	}

}
