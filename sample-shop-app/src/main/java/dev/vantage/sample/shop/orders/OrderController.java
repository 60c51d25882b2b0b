package dev.vantage.sample.shop.orders;

import java.util.List;
import java.util.Map;

import dev.vantage.sample.shop.customers.CustomerService;
import dev.vantage.sample.shop.web.NotFoundException;
import dev.vantage.sample.shop.web.ShopHeader;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkout, payment and cancellation for the logged-in customer; refunds for admins.
 */
@RestController
class OrderController {

	private final OrderService orders;

	private final CustomerService customers;

	OrderController(OrderService orders, CustomerService customers) {
		this.orders = orders;
		this.customers = customers;
	}

	@PostMapping("/api/orders")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> checkout(@RequestHeader(name = ShopHeader.NAME, defaultValue = ShopHeader.NONE) String shop, @RequestBody @Valid Checkout checkout,
			Authentication customer) {
		List<OrderService.Item> items = checkout.items()
			.stream()
			.map((line) -> new OrderService.Item(line.productId(), line.quantity()))
			.toList();
		return this.orders.checkout(shopOf(shop, customer), customer.getName(), items).view();
	}

	@PostMapping("/api/orders/{id}/pay")
	Map<String, Object> pay(@RequestHeader(name = ShopHeader.NAME, defaultValue = ShopHeader.NONE) String shop, @PathVariable long id,
			Authentication customer) {
		return this.orders.pay(shopOf(shop, customer), customer.getName(), id).view();
	}

	@PostMapping("/api/orders/{id}/cancel")
	Map<String, Object> cancel(@RequestHeader(name = ShopHeader.NAME, defaultValue = ShopHeader.NONE) String shop, @PathVariable long id,
			Authentication customer) {
		return this.orders.cancel(shopOf(shop, customer), customer.getName(), id).view();
	}

	@PostMapping("/api/admin/orders/{id}/refund")
	Map<String, Object> refund(@RequestHeader(name = ShopHeader.NAME, defaultValue = ShopHeader.NONE) String shop, @PathVariable long id,
			Authentication admin) {
		return this.orders.refund(shop, admin.getName(), id).view();
	}

	/** The customer's own shop; the X-Tenant-Id header must agree with it. */
	private String shopOf(String shop, Authentication customer) {
		if (!this.customers.shopOf(customer.getName()).equals(shop)) {
			throw new NotFoundException("'" + customer.getName() + "' is not a customer of shop '"
					+ shop + "'");
		}
		return shop;
	}

	record Checkout(@NotEmpty @Size(max = 50) List<@Valid Line> items) {
	}

	record Line(@Min(1) long productId, @Min(1) @Max(100) int quantity) {
	}

}
