package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.ErrorTrackingSuite;
import dev.vantage.observability.testsupport.OutsideInSuite;

/**
 * The error-tracking suite both web stacks pass, against the servlet service: its advice has
 * no observation code, Vantage finds the exceptions it resolves.
 */
class ServletErrorTrackingTests extends ErrorTrackingSuite {

	@Override
	protected OutsideInSuite.Service launch(String... args) {
		return RunningApp.start(args);
	}

}
