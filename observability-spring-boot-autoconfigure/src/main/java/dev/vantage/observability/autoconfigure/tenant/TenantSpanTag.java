package dev.vantage.observability.autoconfigure.tenant;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;

import dev.vantage.observability.autoconfigure.support.GuardedObservationFilter;
import dev.vantage.observability.cardinality.TagValues;
import dev.vantage.observability.support.ObserverFailures;

/**
 * Puts the request's tenant on the span of Boot's HTTP server observation, as a
 * high-cardinality key value ({@code tenant}): spans and trace stores get it, meters never do.
 * {@link Servlet} and {@link Reactive} are where each stack keeps the tenant.
 */
abstract class TenantSpanTag extends GuardedObservationFilter {

	/** The span tag. */
	static final String KEY = "tenant";

	private static final String COMPONENT = "tenant span tag";

	TenantSpanTag(ObserverFailures failures) {
		super(COMPONENT, failures);
	}

	@Override
	protected void apply(Observation.Context context) {
		String tenant = tenant(context);
		if (tenant != null && !TagValues.NONE.equals(tenant)) {
			context.addHighCardinalityKeyValue(KeyValue.of(KEY, tenant));
		}
	}

	/** The tenant of a server observation's request, {@code null} for any other observation. */
	abstract String tenant(Observation.Context context);

	/** Spring MVC: a request attribute. */
	static final class Servlet extends TenantSpanTag {

		Servlet(ObserverFailures failures) {
			super(failures);
		}

		@Override
		String tenant(Observation.Context context) {
			if (context instanceof org.springframework.http.server.observation.ServerRequestObservationContext server) {
				HttpServletRequest request = server.getCarrier();
				return (request != null) ? TenantAttributes.tenant(request.getAttribute(TenantAttributes.NAME)) : null;
			}
			return null;
		}

	}

	/** WebFlux: an exchange attribute. */
	static final class Reactive extends TenantSpanTag {

		Reactive(ObserverFailures failures) {
			super(failures);
		}

		@Override
		String tenant(Observation.Context context) {
			return (context instanceof org.springframework.http.server.reactive.observation.ServerRequestObservationContext server)
					? TenantAttributes.tenant(server.getAttributes()) : null;
		}

	}

}
