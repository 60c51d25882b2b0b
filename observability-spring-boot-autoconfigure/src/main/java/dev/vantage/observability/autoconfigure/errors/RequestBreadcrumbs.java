package dev.vantage.observability.autoconfigure.errors;

import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import dev.vantage.observability.errors.Breadcrumbs;

/**
 * Where a request's or job's breadcrumbs live: in the context of its outermost observation
 * (Boot's {@code http.server.requests}, a scheduled task's), created when it logs its first
 * line and gone with it. The current observation is a thread local on Spring MVC and follows
 * the Reactor context on WebFlux (context propagation), so a line is kept with the request
 * that logged it on whatever thread it ran, and never with another request's.
 */
final class RequestBreadcrumbs {

	/** Observations nested deeper than this are taken as their own root. */
	private static final int MAX_DEPTH = 32;

	private final ObservationRegistry registry;

	private final Function<Object, Breadcrumbs> newRing;

	RequestBreadcrumbs(ObservationRegistry registry, int size) {
		this.registry = registry;
		this.newRing = (key) -> new Breadcrumbs(size);
	}

	/** The ring of the current request or job, {@code null} outside any observation. */
	@Nullable Breadcrumbs current() {
		Observation observation = this.registry.getCurrentObservation();
		if (observation == null || observation.isNoop()) {
			return null;
		}
		Observation.Context root = root(observation.getContext());
		Breadcrumbs ring = root.get(Breadcrumbs.class);
		return (ring != null) ? ring : root.computeIfAbsent(Breadcrumbs.class, this.newRing);
	}

	/** The ring of the request or job an observation belongs to, if it logged anything. */
	static @Nullable Breadcrumbs of(Observation.Context context) {
		return root(context).get(Breadcrumbs.class);
	}

	private static Observation.Context root(Observation.Context context) {
		Observation.Context root = context;
		ObservationView parent = root.getParentObservation();
		for (int depth = 0; depth < MAX_DEPTH && parent != null
				&& parent.getContextView() instanceof Observation.Context next; depth++) {
			root = next;
			parent = root.getParentObservation();
		}
		return root;
	}

}
