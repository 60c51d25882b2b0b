package dev.vantage.observability.reactive;

import org.junit.jupiter.api.AfterEach;

import dev.vantage.observability.testsupport.ErrorTrackingSuite;
import dev.vantage.observability.testsupport.OutsideInSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error-tracking suite both web stacks pass, against the WebFlux service, whose advice
 * sets the exceptions it handles as the observation's error (WebFlux has no hook for them);
 * BlockHound watches that Vantage never blocks an event loop meanwhile.
 */
class ReactiveErrorTrackingTests extends ErrorTrackingSuite {

	@AfterEach
	void vantageNeverBlockedAnEventLoop() {
		assertThat(VantageBlockingCalls.drain()).isEmpty();
	}

	@Override
	protected OutsideInSuite.Service launch(String... args) {
		return ReactiveApp.start(args);
	}

}
