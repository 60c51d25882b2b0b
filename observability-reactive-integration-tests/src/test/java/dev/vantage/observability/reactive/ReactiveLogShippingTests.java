package dev.vantage.observability.reactive;

import org.junit.jupiter.api.AfterEach;

import dev.vantage.observability.testsupport.LogShippingSuite;
import dev.vantage.observability.testsupport.OutsideInSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log shipping over OTLP, against the WebFlux service; BlockHound watches that shipping never
 * blocks an event loop.
 */
class ReactiveLogShippingTests extends LogShippingSuite {

	@AfterEach
	void vantageNeverBlockedAnEventLoop() {
		assertThat(VantageBlockingCalls.drain()).isEmpty();
	}

	@Override
	protected OutsideInSuite.Service launch(String... args) {
		return ReactiveApp.start(args);
	}

}
