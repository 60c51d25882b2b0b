package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

/**
 * An OTLP/HTTP log receiver on loopback ({@code POST /v1/logs}, protobuf), decoding every
 * export request with OpenTelemetry's own protocol classes. A protocol-level stand-in for a
 * collector: it checks what leaves the process, not what a collector does with it.
 */
public final class OtlpLogReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> records = new CopyOnWriteArrayList<>();

	public OtlpLogReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/v1/logs", (exchange) -> {
			try (InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
					? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
				ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(body);
				for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
					Map<String, String> resource = attributes(resourceLogs.getResource().getAttributesList());
					for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
						for (LogRecord record : scopeLogs.getLogRecordsList()) {
							this.records.add(new Received(resource, scopeLogs.getScope().getName(), record));
						}
					}
				}
			}
			byte[] response = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, (response.length == 0) ? -1 : response.length);
			exchange.getResponseBody().write(response);
			exchange.close();
		});
		this.server.start();
	}

	/** The URL to set as {@code management.opentelemetry.logging.export.otlp.endpoint}. */
	public String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/logs";
	}

	public List<Received> records() {
		return List.copyOf(this.records);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static Map<String, String> attributes(List<KeyValue> attributes) {
		Map<String, String> values = new LinkedHashMap<>();
		for (KeyValue attribute : attributes) {
			values.put(attribute.getKey(), text(attribute.getValue()));
		}
		return values;
	}

	private static String text(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case BOOL_VALUE -> String.valueOf(value.getBoolValue());
			case INT_VALUE -> String.valueOf(value.getIntValue());
			case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
			default -> value.toString().strip();
		};
	}

	/**
	 * One log record as it arrived.
	 *
	 * @param resource the attributes of its resource ({@code service.name}, ...)
	 * @param scope the instrumentation scope's name (the logger)
	 * @param record the record itself
	 */
	public record Received(Map<String, String> resource, String scope, LogRecord record) {

		public String body() {
			return text(this.record.getBody());
		}

		public Map<String, String> attributes() {
			return OtlpLogReceiver.attributes(this.record.getAttributesList());
		}

		public String traceId() {
			return HexFormat.of().formatHex(this.record.getTraceId().toByteArray());
		}

		public String spanId() {
			return HexFormat.of().formatHex(this.record.getSpanId().toByteArray());
		}

	}

}
