package dev.vantage.observability.reactive;

import org.junit.jupiter.api.AfterEach;

import dev.vantage.observability.testsupport.OutsideInSuite;
import dev.vantage.observability.testsupport.TraceStoreSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces in a real Zipkin, from the WebFlux service; BlockHound watches the event loops.
 */
class ReactiveTraceStoreTests extends TraceStoreSuite {

	@AfterEach
	void vantageNeverBlockedAnEventLoop() {
		assertThat(VantageBlockingCalls.drain()).isEmpty();
	}

	@Override
	protected OutsideInSuite.Service launch(String... args) {
		return ReactiveApp.start(args);
	}

	@Override
	protected String statementTag() {
		return "r2dbc.query[0]";
	}

}
