package dev.vantage.observability.autoconfigure.cache;

import java.util.Map;

import dev.vantage.observability.autoconfigure.support.VantageDefaults;

/**
 * Statistics on Boot-built caches: hit and miss meters need them, and Caffeine and Redis
 * caches do not record them by default.
 */
public class CacheDefaults extends VantageDefaults {

	public CacheDefaults() {
		super("cache", ORDER + 1,
				Map.of("spring.cache.caffeine.spec", "recordStats", "spring.cache.redis.enable-statistics", "true"));
	}

}
