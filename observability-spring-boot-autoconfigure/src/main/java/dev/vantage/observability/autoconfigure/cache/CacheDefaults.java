package dev.vantage.observability.autoconfigure.cache;

import java.util.Map;

import dev.vantage.observability.autoconfigure.support.VantageDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Statistics on Boot-built caches: hit and miss meters need them, and Caffeine and Redis
 * caches do not record them by default.
 */
public class CacheDefaults extends VantageDefaults {

	public CacheDefaults() {
		super("cache", ORDER + 1);
	}

	@Override
	protected void contribute(ConfigurableEnvironment environment, SpringApplication application,
			Map<String, Object> defaults) {
		defaults.put("spring.cache.caffeine.spec", "recordStats");
		defaults.put("spring.cache.redis.enable-statistics", "true");
	}

}
