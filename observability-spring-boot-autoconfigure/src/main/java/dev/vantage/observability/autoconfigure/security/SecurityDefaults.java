package dev.vantage.observability.autoconfigure.security;

import java.util.Map;

import dev.vantage.observability.autoconfigure.support.VantageDefaults;

/**
 * Spring Security observes its whole chain and every filter in it (a timer and a span
 * before and after each): a cost on every request for what the HTTP server observation
 * already shows. These defaults turn those off; its authentication and authorization
 * observations stay.
 */
public class SecurityDefaults extends VantageDefaults {

	public SecurityDefaults() {
		super("security", ORDER + 3, Map.of("management.observations.enable.spring.security.filterchains",
				"false", "management.observations.enable.spring.security.http", "false"));
	}

}
