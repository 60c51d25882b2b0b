package dev.vantage.observability.autoconfigure;

import java.util.Arrays;

import io.opentelemetry.api.trace.TraceFlags;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * This module compiles against a newer OpenTelemetry SDK than Boot 4.0 manages; an application
 * brings one SDK of its own, so only this module's test class path, in the Boot 4.0 column, can
 * mix that SDK with an older API. Tests that run the SDK skip there.
 */
public final class OpenTelemetryClassPath {

	private OpenTelemetryClassPath() {
	}

	/** Skips the calling test where the OpenTelemetry API is older than the SDK. */
	public static void assumeTheSdkMatchesTheApi() {
		assumeTrue(Arrays.stream(TraceFlags.class.getMethods()).anyMatch((method) -> method.getName().equals("builder")),
				"the OpenTelemetry API on the class path is older than the SDK this module compiles against");
	}

}
