package dev.vantage.observability.autoconfigure.errors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.vantage.observability.support.ObserverFailures;

import static org.assertj.core.api.Assertions.assertThat;

class HandledServerErrorsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ObserverFailures failures = new ObserverFailures(() -> this.registry);

	@Test
	void aHandledServerErrorBecomesTheObservationsErrorAndItsExceptionTag() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		request.setAttribute(ResolvedErrors.ATTRIBUTE, new IllegalStateException("gateway"));
		response.setStatus(502);
		ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
		new HandledServerErrors(this.failures).map(context);
		assertThat(context.getError()).isInstanceOf(IllegalStateException.class);
		assertThat(context.getLowCardinalityKeyValue("exception").getValue()).isEqualTo("IllegalStateException");
	}

	@Test
	void aFailureOfItsOwnIsCountedAndTheObservationGoesOn() {
		HttpServletRequest broken = new MockHttpServletRequest() {

			@Override
			public Object getAttribute(String name) {
				throw new IllegalStateException("request recycled");
			}

		};
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setStatus(500);
		ServerRequestObservationContext context = new ServerRequestObservationContext(broken, response);
		assertThat(new HandledServerErrors(this.failures).map(context)).isSameAs(context);
		assertThat(context.getError()).isNull();
		assertThat(this.registry.get(ObserverFailures.METER).tag("component", "handled server error tag").counter()
			.count()).isEqualTo(1);
	}

}
