package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.LogShippingSuite;
import dev.vantage.observability.testsupport.OutsideInSuite;

/**
 * Log shipping over OTLP, against the servlet service.
 */
class ServletLogShippingTests extends LogShippingSuite {

	@Override
	protected OutsideInSuite.Service launch(String... args) {
		return RunningApp.start(args);
	}

}
