package dev.vantage.sample.shop.catalog;

import java.util.List;

import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.sample.shop.chaos.ChaosSettings;
import dev.vantage.sample.shop.web.ShopHeader;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog of the shop named by X-Tenant-Id.
 */
@RestController
@RequestMapping("/api/products")
class CatalogController {

	private final CatalogService catalog;

	private final BusinessMetrics business;

	private final ChaosSettings chaos;

	CatalogController(CatalogService catalog, BusinessMetrics business, ChaosSettings chaos) {
		this.catalog = catalog;
		this.business = business;
		this.chaos = chaos;
	}

	@GetMapping
	List<Product> search(@RequestHeader(name = ShopHeader.NAME, defaultValue = ShopHeader.NONE) String shop,
			@RequestParam(defaultValue = "") @Size(max = 100) String q) {
		this.business.funnelStep("checkout", "view");
		if (this.chaos.takeCatalogFailure()) {
			throw new CatalogUnavailableException("catalog of shop '" + shop + "' is unavailable");
		}
		return this.catalog.search(shop, q);
	}

	@GetMapping("/{id}")
	Product get(@RequestHeader(name = ShopHeader.NAME, defaultValue = ShopHeader.NONE) String shop,
			@PathVariable long id) {
		this.business.funnelStep("checkout", "view");
		return this.catalog.get(shop, id);
	}

}
