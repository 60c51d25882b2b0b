package dev.vantage.observability.autoconfigure.errors;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.observation.ServerHttpObservationDocumentation;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import dev.vantage.observability.autoconfigure.support.GuardedObservationFilter;
import dev.vantage.observability.support.ObserverFailures;

/**
 * Spring MVC: when a handler resolved an exception into a 5xx response, sets it as the error
 * of Boot's server observation, as Spring's documentation advises doing in each
 * {@code @ExceptionHandler}, and gives {@code http.server.requests} its {@code exception}
 * tag, which Spring's convention, having seen no error, wrote as {@code none}. Handled 4xx
 * keep {@code none}: a client's mistake is not a server error.
 */
final class HandledServerErrors extends GuardedObservationFilter {

	private static final String COMPONENT = "handled server error tag";

	private static final String EXCEPTION = ServerHttpObservationDocumentation.LowCardinalityKeyNames.EXCEPTION
		.asString();

	HandledServerErrors(ObserverFailures failures) {
		super(COMPONENT, failures);
	}

	@Override
	protected void apply(Observation.Context context) {
		if (context instanceof ServerRequestObservationContext server && server.getError() == null) {
			HttpServletRequest request = server.getCarrier();
			HttpServletResponse response = server.getResponse();
			Throwable error = (request != null) ? ResolvedErrors.of(request) : null;
			if (error != null && response != null && response.getStatus() >= 500) {
				server.setError(error);
				String simpleName = error.getClass().getSimpleName();
				server.addLowCardinalityKeyValue(
						KeyValue.of(EXCEPTION, simpleName.isEmpty() ? error.getClass().getName() : simpleName));
			}
		}
	}

}
