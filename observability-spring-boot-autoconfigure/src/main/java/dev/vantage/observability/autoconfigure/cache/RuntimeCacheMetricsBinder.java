package dev.vantage.observability.autoconfigure.cache;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Tag;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.cache.metrics.CacheMetricsRegistrar;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.SmartLifecycle;

/**
 * Binds caches that a {@link CacheManager} creates after startup (dynamic Caffeine or
 * concurrent-map caches, caches named at runtime), which Boot binds only once, when the
 * application starts. Scans every cache manager at start and then periodically.
 */
public final class RuntimeCacheMetricsBinder implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RuntimeCacheMetricsBinder.class);

	private static final String CACHE_MANAGER_SUFFIX = "cachemanager";

	private final Map<String, CacheManager> cacheManagers;

	private final CacheMetricsRegistrar registrar;

	private final Duration interval;

	private final Set<String> bound = ConcurrentHashMap.newKeySet();

	private final Set<String> unsupported = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ScheduledExecutorService executor;

	/**
	 * Creates the binder.
	 * @param cacheManagers the cache managers by bean name
	 * @param registrar Boot's registrar, which knows every supported cache type
	 * @param interval how often to scan
	 */
	public RuntimeCacheMetricsBinder(Map<String, CacheManager> cacheManagers, CacheMetricsRegistrar registrar,
			Duration interval) {
		this.cacheManagers = Map.copyOf(cacheManagers);
		this.registrar = registrar;
		this.interval = interval;
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

	private static String cacheManagerName(String beanName) {
		// The same naming as Boot's own binding, so both produce one series per cache.
		if (beanName.length() > CACHE_MANAGER_SUFFIX.length()
				&& beanName.toLowerCase(Locale.ROOT).endsWith(CACHE_MANAGER_SUFFIX)) {
			return beanName.substring(0, beanName.length() - CACHE_MANAGER_SUFFIX.length());
		}
		return beanName;
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "observability-cache-metrics");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		scheduler.scheduleWithFixedDelay(this::bindNewCachesSafely, 0, millis, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	private void bindNewCachesSafely() {
		try {
			bindNewCaches();
		}
		catch (RuntimeException ex) {
			logger.warn("Binding new caches to the meter registry failed: " + ex.getMessage());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
