package dev.vantage.observability.reactive;

import dev.vantage.observability.testsupport.OutsideInSuite;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside-in suite both web stacks pass, against the WebFlux service on Netty, R2DBC on
 * H2 and reactive Spring Security; BlockHound watches that Vantage never blocks a
 * non-blocking thread meanwhile.
 */
class ReactiveOutsideInTests extends OutsideInSuite {

	@AfterEach
	void vantageNeverBlockedAnEventLoop() {
		assertThat(VantageBlockingCalls.drain()).isEmpty();
	}

	@Override
	protected Service launch(String... args) {
		return ReactiveApp.start(args);
	}

	@Override
	public Service launchWithoutSpringSecurity(String... args) {
		return ReactiveApp.startWithoutSpringSecurity(args);
	}

	@Override
	public String database() {
		return "connectionFactory";
	}

	/** The service logs on a parallel scheduler thread, not on the one that took the request. */
	@Override
	public void assertLoggingThread(String thread) {
		assertThat(thread).startsWith("parallel-");
	}

}
