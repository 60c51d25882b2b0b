package dev.vantage.sample.shop.catalog;

import java.util.List;
import java.util.Locale;

import dev.vantage.sample.shop.chaos.ChaosSettings;
import dev.vantage.sample.shop.web.NotFoundException;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the catalog of a shop; cached, so a repeated page is a cache hit.
 */
@Service
public class CatalogService {

	private final JdbcClient jdbc;

	private final ChaosSettings chaos;

	CatalogService(JdbcClient jdbc, ChaosSettings chaos) {
		this.jdbc = jdbc;
		this.chaos = chaos;
	}

	@Cacheable(cacheNames = "products", key = "#shop + '|' + #query")
	public List<Product> search(String shop, String query) {
		slowDown();
		return this.jdbc.sql("select * from product where shop_id = ? and lower(name) like ? order by id")
			.param(shop)
			.param("%" + query.toLowerCase(Locale.ROOT) + "%")
			.query(Product.class)
			.list();
	}

	@Cacheable(cacheNames = "product", key = "#shop + '|' + #id")
	public Product get(String shop, long id) {
		slowDown();
		return this.jdbc.sql("select * from product where shop_id = ? and id = ?")
			.param(shop)
			.param(id)
			.query(Product.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("product " + id + " does not exist in shop '" + shop + "'"));
	}

	/** The database-latency chaos knob: time spent inside the database, as a real slow query. */
	private void slowDown() {
		long millis = this.chaos.getDbLatency().toMillis();
		if (millis > 0) {
			this.jdbc.sql("select pg_sleep(?)").param(millis / 1000.0).query().singleRow();
		}
	}

}
