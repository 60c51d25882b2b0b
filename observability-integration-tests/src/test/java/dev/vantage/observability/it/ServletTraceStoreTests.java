package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.OutsideInSuite;
import dev.vantage.observability.testsupport.TraceStoreSuite;

/**
 * Traces in a real Zipkin, from the servlet service.
 */
class ServletTraceStoreTests extends TraceStoreSuite {

	@Override
	protected OutsideInSuite.Service launch(String... args) {
		return RunningApp.start(args);
	}

	@Override
	protected String statementTag() {
		return "jdbc.query[0]";
	}

}
