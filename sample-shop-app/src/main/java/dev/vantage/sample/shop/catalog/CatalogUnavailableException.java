package dev.vantage.sample.shop.catalog;

/**
 * The catalog could not be read: what the catalog-failures chaos knob throws, and nothing
 * handles (a 500, and an error group of its own).
 */
class CatalogUnavailableException extends RuntimeException {

	CatalogUnavailableException(String message) {
		super(message);
	}

}
