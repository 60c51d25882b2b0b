package dev.vantage.observability.autoconfigure.errors;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.autoconfigure.OpenTelemetryClassPath;
import dev.vantage.observability.errors.ErrorFingerprinter;
import dev.vantage.observability.errors.ErrorLimits;
import dev.vantage.observability.errors.ErrorTracker;
import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.internal.SdkTracerProviderUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingSpanExceptionsTests {

	private final List<SpanData> exported = new CopyOnWriteArrayList<>();

	private final MaskingSpanExceptions masking = new MaskingSpanExceptions(
			new ErrorTracker(new SimpleMeterRegistry(), new ErrorFingerprinter(List.of()), List.of(),
					new AuditMasker(AuditMasker.DEFAULT_MASKED_KEYS, false), "1.0.0", new ErrorLimits(10, 5, 8, 120),
					Clock.systemUTC()),
			ObserverFailures.logOnly());

	private final Tracer tracer = tracer();

	private Tracer tracer() {
		SdkTracerProviderBuilder builder = SdkTracerProvider.builder().addSpanProcessor(this.masking)
			.addSpanProcessor(new Exporting());
		SdkTracerProviderUtil.setExceptionAttributeResolver(builder, this.masking);
		return builder.build().get("test");
	}

	@Test
	void anErrorAsMicrometerTracingRecordsItLeavesMaskedWhileOtherSpansAreNotRead() {
		OpenTelemetryClassPath.assumeTheSdkMatchesTheApi();
		Span ok = this.tracer.spanBuilder("before").startSpan();
		ok.end();
		assertThat(this.masking.pending()).isZero();
		Span failed = this.tracer.spanBuilder("failed").startSpan();
		Span concurrent = this.tracer.spanBuilder("concurrent").startSpan();
		IllegalStateException error = new IllegalStateException("connect postgres://admin:s3cretpw@db failed");
		failed.recordException(error);
		failed.setStatus(StatusCode.ERROR, error.getMessage());
		assertThat(this.masking.pending()).isOne();
		concurrent.end();
		assertThat(this.masking.pending()).as("a span without the exception leaves it pending").isOne();
		failed.end();
		assertThat(this.masking.pending()).isZero();
		SpanData data = this.exported.stream().filter((span) -> span.getName().equals("failed")).findFirst().orElseThrow();
		assertThat(data.getStatus().getDescription()).isEqualTo("connect postgres://admin:****@db failed");
		EventData event = data.getEvents().get(0);
		assertThat(event.getAttributes().asMap().values().toString()).doesNotContain("s3cretpw")
			.contains("postgres://admin:****@db");
	}

	/** Copies each ended span as an exporter would. */
	private final class Exporting implements SpanProcessor {

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			MaskingSpanExceptionsTests.this.exported.add(span.toSpanData());
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

}
