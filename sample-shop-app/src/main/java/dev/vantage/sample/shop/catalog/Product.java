package dev.vantage.sample.shop.catalog;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A product of a shop.
 *
 * @param id the id
 * @param shopId the shop
 * @param sku the stock keeping unit
 * @param name the name
 * @param price the unit price
 * @param currency the ISO 4217 currency of the price
 * @param stock units in stock
 * @param lowStockThreshold below this, the product is low on stock
 */
public record Product(long id, String shopId, String sku, String name, BigDecimal price, String currency, int stock,
		int lowStockThreshold) implements Serializable {
}
