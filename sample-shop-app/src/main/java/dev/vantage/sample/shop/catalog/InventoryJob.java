package dev.vantage.sample.shop.catalog;

import java.util.List;

import dev.vantage.observability.business.BusinessMetrics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes low stock per shop and the number of active shops, and restocks products that
 * ran very low (the warehouse of a demo shop never runs dry).
 */
@Component
class InventoryJob {

	private final JdbcClient jdbc;

	private final BusinessMetrics business;

	InventoryJob(JdbcClient jdbc, BusinessMetrics business) {
		this.jdbc = jdbc;
		this.business = business;
	}

	@Scheduled(fixedDelayString = "${sample.inventory.interval:10s}", initialDelay = 0)
	void publish() {
		List<String> shops = this.jdbc.sql("select id from shop order by id").query(String.class).list();
		for (String shop : shops) {
			long low = this.jdbc.sql("select count(*) from product where shop_id = ? and stock < low_stock_threshold")
				.param(shop)
				.query(Long.class)
				.single();
			this.business.lowStock(shop, low);
		}
		this.business.activeTenants(shops.size());
		this.jdbc.sql("update product set stock = 100 where stock < low_stock_threshold / 2").update();
	}

}
