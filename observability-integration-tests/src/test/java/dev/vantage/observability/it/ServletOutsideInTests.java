package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.OutsideInSuite;

/**
 * The outside-in suite both web stacks pass, against the servlet service: Spring MVC on
 * Tomcat, JDBC on H2 and Spring Security.
 */
class ServletOutsideInTests extends OutsideInSuite {

	@Override
	protected Service launch(String... args) {
		return RunningApp.start(args);
	}

	@Override
	public Service launchWithoutSpringSecurity(String... args) {
		return RunningApp.startWithoutSpringSecurity(args);
	}

	@Override
	public String database() {
		return "dataSource";
	}

}
