package dev.vantage.observability.it;

import dev.vantage.observability.testsupport.Http;
import dev.vantage.observability.testsupport.Scrape;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = TestShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "observability.cache.rescan-interval=200ms")
class RuntimeCacheMetricsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CacheManager cacheManager;

	@Test
	void caffeineCacheCreatedAtRuntimeShowsHitsAndMisses() {
		Http http = new Http(this.port);
		assertThat(http.scrape().has("cache_gets_total", "cache", "created-later")).isFalse();

		Cache cache = this.cacheManager.getCache("created-later");
		assertThat(cache).isNotNull();
		assertThat(cache.get("sku-1")).isNull();
		cache.put("sku-1", "lamp");
		assertThat(cache.get("sku-1")).isNotNull();
		assertThat(cache.get("sku-1")).isNotNull();

		await("the runtime cache to be bound").atMost(Duration.ofSeconds(10))
			.until(() -> http.scrape().has("cache_gets_total", "cache", "created-later", "result", "hit"));
		Scrape scrape = http.scrape();
		assertThat(scrape.sum("cache_gets_total", "cache", "created-later", "cache_manager", "cacheManager", "result", "hit"))
			.isEqualTo(2);
		assertThat(scrape.sum("cache_gets_total", "cache", "created-later", "result", "miss")).isEqualTo(1);
		assertThat(scrape.has("cache_puts_total", "cache", "created-later")).isTrue();
	}

}
