package dev.vantage.sample.shop.catalog;

import java.util.List;

import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.tenant.TenantContext;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

	CatalogController(CatalogService catalog, BusinessMetrics business) {
		this.catalog = catalog;
		this.business = business;
	}

	@GetMapping
	List<Product> search(@RequestParam(defaultValue = "") @Size(max = 100) String q) {
		this.business.funnelStep("checkout", "view");
		return this.catalog.search(TenantContext.current(), q);
	}

	@GetMapping("/{id}")
	Product get(@PathVariable long id) {
		this.business.funnelStep("checkout", "view");
		return this.catalog.get(TenantContext.current(), id);
	}

}
