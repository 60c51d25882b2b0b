package dev.vantage.observability.reactive;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control of the BlockHound check every reactive test ends with: a blocking call of
 * Vantage's on a non-blocking thread is caught.
 */
class BlockHoundControlTests extends ReactiveAppTests {

	@Test
	void blockingCallsFromVantageOnAnEventLoopAreCaught() {
		try (ReactiveApp app = start()) {
			String thread = app.http().get("/audit-on-event-loop").body();
			assertThat(thread).as("a non-blocking thread").matches("(reactor-http-|parallel-).*");
			assertThat(VantageBlockingCalls.drain()).isNotEmpty()
				.anySatisfy((call) -> assertThat(call).contains("dev.vantage.observability.audit"));
		}
	}

}
