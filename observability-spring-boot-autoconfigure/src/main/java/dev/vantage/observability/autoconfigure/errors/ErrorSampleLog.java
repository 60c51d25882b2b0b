package dev.vantage.observability.autoconfigure.errors;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.json.JsonWriter;

import dev.vantage.observability.errors.ErrorGroup;
import dev.vantage.observability.errors.ErrorSample;

/**
 * Writes the first sample of each group this process sees (again after its group was
 * forgotten) as one WARN line of the logger {@value #LOGGER}: fields {@code log_type}
 * ({@code error_sample}), {@code error_fingerprint}, {@code error_type}, {@code error_message}
 * and {@code error_sample}, the whole masked sample with the stack trace (an object in JSON
 * lines, a JSON string in OTLP log records). The log store is where a fleet's samples meet.
 * At most {@code log-per-minute} lines a minute; the others are counted.
 */
final class ErrorSampleLog {

	/** The logger of sample lines; its own lines are never breadcrumbs. */
	static final String LOGGER = "dev.vantage.observability.errors.samples";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER);

	private static final JsonWriter<Map<String, Object>> JSON = JsonWriter.standard();

	private final boolean enabled;

	private final int perMinute;

	private final Counter suppressed;

	private long minute;

	private int written;

	ErrorSampleLog(boolean enabled, int perMinute, MeterRegistry registry) {
		this.enabled = enabled;
		this.perMinute = perMinute;
		this.suppressed = Counter.builder("errors.samples.suppressed")
			.description("Error sample log lines not written: more new groups in a minute than "
					+ "observability.errors.sample.log-per-minute")
			.register(registry);
	}

	/** Writes the group's first sample, unless it was written or the minute's lines are used up. */
	void report(@Nullable ErrorGroup group) {
		if (!this.enabled || group == null || group.sample() == null || !group.firstReport()) {
			return;
		}
		if (!permitted(System.currentTimeMillis() / 60_000)) {
			this.suppressed.increment();
			return;
		}
		logger.atWarn()
			.addKeyValue("log_type", "error_sample")
			.addKeyValue("error_fingerprint", group.fingerprint())
			.addKeyValue("error_type", group.exception())
			.addKeyValue("error_message", group.message())
			.addKeyValue("error_sample", new JsonObject(fields(group)))
			.log("Error group {} first seen on this instance: {}: {}", group.fingerprint(), group.exception(),
					group.message());
	}

	private synchronized boolean permitted(long now) {
		if (now != this.minute) {
			this.minute = now;
			this.written = 0;
		}
		return this.written++ < this.perMinute;
	}

	/** A group's sample as the endpoint and the sample line show it, with its stack trace. */
	static Map<String, Object> fields(ErrorGroup group) {
		Map<String, Object> fields = sample(group.sample());
		fields.put("rootCause", group.rootCause());
		fields.put("firstSeen", Instant.ofEpochMilli(group.firstSeen()).toString());
		fields.put("stackTrace", group.stackTrace().stream().map(ErrorGroup.Frame::text).toList());
		return fields;
	}

	/** A sample's fields, {@code null} values left out. */
	static Map<String, Object> sample(@Nullable ErrorSample sample) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (sample == null) {
			return fields;
		}
		fields.put("time", Instant.ofEpochMilli(sample.time()).toString());
		putIfPresent(fields, "traceId", sample.traceId());
		putIfPresent(fields, "method", sample.method());
		putIfPresent(fields, "where", sample.where());
		if (sample.status() > 0) {
			fields.put("status", sample.status());
		}
		putIfPresent(fields, "query", sample.query());
		fields.put("headers", sample.headers());
		putIfPresent(fields, "tenant", sample.tenant());
		putIfPresent(fields, "principal", sample.principal());
		fields.put("environment", sample.environment());
		fields.put("version", sample.version());
		List<Map<String, Object>> breadcrumbs = sample.breadcrumbs().stream().map((crumb) -> {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("time", Instant.ofEpochMilli(crumb.time()).toString());
			line.put("level", crumb.level());
			line.put("logger", crumb.logger());
			putIfPresent(line, "message", crumb.message());
			return line;
		}).toList();
		fields.put("breadcrumbs", breadcrumbs);
		return fields;
	}

	private static void putIfPresent(Map<String, Object> fields, String name, @Nullable Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	/**
	 * A sample's fields: a map to JSON encoders (a nested object), JSON text to whatever writes
	 * a value as its {@code toString()} (OpenTelemetry's log appender).
	 */
	static final class JsonObject extends LinkedHashMap<String, Object> {

		JsonObject(Map<String, Object> fields) {
			super(fields);
		}

		@Override
		public String toString() {
			return JSON.writeToString(this);
		}

	}

}
