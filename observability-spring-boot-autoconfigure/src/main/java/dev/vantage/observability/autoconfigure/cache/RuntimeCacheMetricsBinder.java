package dev.vantage.observability.autoconfigure.cache;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.vantage.observability.autoconfigure.support.PeriodicTask;
import dev.vantage.observability.support.ObservabilityExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.cache.metrics.CacheMetricsRegistrar;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * Binds caches that a {@link CacheManager} creates after startup (dynamic Caffeine or
 * concurrent-map caches, caches named at runtime), which Boot binds only once, when the
 * application starts. Scans every cache manager at start and then periodically.
 */
public final class RuntimeCacheMetricsBinder extends PeriodicTask {

	private static final Log logger = LogFactory.getLog(RuntimeCacheMetricsBinder.class);

	private static final String CACHE_MANAGER_SUFFIX = "cachemanager";

	/** A meter every cache binder registers. */
	private static final String CACHE_GETS = "cache.gets";

	private final Map<String, CacheManager> cacheManagers;

	private final CacheMetricsRegistrar registrar;

	private final MeterRegistry registry;

	private final Set<String> bound = ConcurrentHashMap.newKeySet();

	private final Set<String> unsupported = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the binder.
	 * @param cacheManagers the cache managers by bean name
	 * @param registrar Boot's registrar, which knows every supported cache type
	 * @param registry the registry Boot binds caches to, asked which caches are bound already
	 * @param interval how often to scan
	 * @param executor what runs the scan
	 */
	public RuntimeCacheMetricsBinder(Map<String, CacheManager> cacheManagers, CacheMetricsRegistrar registrar,
			MeterRegistry registry, Duration interval, ObservabilityExecutor executor) {
		super("Binding new caches to the meter registry", interval, executor);
		this.cacheManagers = Map.copyOf(cacheManagers);
		this.registrar = registrar;
		this.registry = registry;
	}

	/** Binds every cache not bound yet; cheap when nothing is new. */
	public void bindNewCaches() {
		this.cacheManagers.forEach((beanName, cacheManager) -> {
			Tag managerTag = Tag.of("cache.manager", cacheManagerName(beanName));
			for (String cacheName : cacheManager.getCacheNames()) {
				String key = beanName + '\u0000' + cacheName;
				if (this.bound.contains(key) || this.unsupported.contains(key)) {
					continue;
				}
				if (boundByBoot(cacheName, managerTag)) {
					// Boot binds the caches that exist when it starts; binding one twice
					// registers its gauges twice.
					this.bound.add(key);
					continue;
				}
				Cache cache = cacheManager.getCache(cacheName);
				if (cache != null && this.registrar.bindCacheToRegistry(cache, managerTag)) {
					this.bound.add(key);
				}
				else if (this.unsupported.add(key)) {
					logger.info("Cache '" + cacheName + "' of '" + beanName + "' has no meter binder; it is not measured");
				}
			}
		});
	}

	private boolean boundByBoot(String cacheName, Tag managerTag) {
		return this.registry.find(CACHE_GETS).tag("cache", cacheName).tags(List.of(managerTag)).meter() != null;
	}

	private static String cacheManagerName(String beanName) {
		// The same naming as Boot's own binding, so both produce one series per cache.
		if (beanName.length() > CACHE_MANAGER_SUFFIX.length()
				&& beanName.toLowerCase(Locale.ROOT).endsWith(CACHE_MANAGER_SUFFIX)) {
			return beanName.substring(0, beanName.length() - CACHE_MANAGER_SUFFIX.length());
		}
		return beanName;
	}

	@Override
	protected void runOnce() {
		bindNewCaches();
	}

}
