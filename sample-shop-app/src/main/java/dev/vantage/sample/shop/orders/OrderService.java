package dev.vantage.sample.shop.orders;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.business.Money;
import dev.vantage.observability.business.OrderStatus;
import dev.vantage.observability.business.PaymentOutcome;
import dev.vantage.sample.shop.catalog.CatalogService;
import dev.vantage.sample.shop.catalog.Product;
import dev.vantage.sample.shop.payments.PaymentClient;
import dev.vantage.sample.shop.web.ConflictException;
import dev.vantage.sample.shop.web.NotFoundException;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders: checkout, payment, cancellation and refund, each recorded as business meters and
 * audit events where a real shop would record them.
 */
@Service
public class OrderService {

	private final JdbcClient jdbc;

	private final CatalogService catalog;

	private final PaymentClient payments;

	private final BusinessMetrics business;

	private final AuditLogger audit;

	OrderService(JdbcClient jdbc, CatalogService catalog, PaymentClient payments, BusinessMetrics business,
			AuditLogger audit) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.payments = payments;
		this.business = business;
		this.audit = audit;
	}

	/**
	 * Places an order: takes the items out of stock and records the order.
	 * @param shop the shop
	 * @param customer the customer
	 * @param items product ids and quantities
	 * @return the order
	 */
	@Transactional
	public Order checkout(String shop, String customer, List<Item> items) {
		this.business.funnelStep("checkout", "cart");
		BigDecimal total = BigDecimal.ZERO;
		String currency = null;
		for (Item item : items) {
			Product product = this.catalog.get(shop, item.productId());
			int taken = this.jdbc.sql("update product set stock = stock - ? where id = ? and shop_id = ? and stock >= ?")
				.params(item.quantity(), item.productId(), shop, item.quantity())
				.update();
			if (taken == 0) {
				throw new ConflictException("product " + item.productId() + " has fewer than " + item.quantity() + " in stock");
			}
			total = total.add(product.price().multiply(BigDecimal.valueOf(item.quantity())));
			currency = product.currency();
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("insert into orders (shop_id, customer, status, total, currency, created_at) values (?, ?, ?, ?, ?, ?)")
			.params(shop, customer, OrderStatus.PLACED.name(), total, currency, Timestamp.from(Instant.now()))
			.update(key, "id");
		long id = ((Number) key.getKeys().get("id")).longValue();
		for (Item item : items) {
			this.jdbc.sql("insert into order_line (order_id, product_id, quantity, price) "
					+ "select ?, id, ?, price from product where id = ?")
				.params(id, item.quantity(), item.productId())
				.update();
		}
		Order order = new Order(id, shop, customer, OrderStatus.PLACED, total, currency);
		this.business.funnelStep("checkout", "checkout");
		this.business.order(shop, OrderStatus.PLACED, order.money());
		this.audit.log(event("order.placed", order).build());
		return order;
	}

	/**
	 * Pays a placed order through the payment provider.
	 * @param shop the shop
	 * @param customer the customer who owns the order
	 * @param id the order
	 * @return the order after the attempt
	 */
	public Order pay(String shop, String customer, long id) {
		Order order = find(shop, id, customer);
		requireStatus(order, OrderStatus.PLACED);
		PaymentOutcome outcome = this.payments.charge(order.money());
		if (outcome == PaymentOutcome.SUCCESS) {
			Order paid = update(order, OrderStatus.PAID);
			this.business.order(shop, OrderStatus.PAID, order.money());
			this.business.revenue(shop, order.money());
			this.business.funnelStep("checkout", "paid");
			this.audit.log(event("order.paid", paid).metadata("provider", PaymentClient.PROVIDER).build());
			return paid;
		}
		Order failed = update(order, OrderStatus.FAILED);
		this.business.order(shop, OrderStatus.FAILED, order.money());
		this.audit.log(event("order.payment_failed", failed).failure(outcome.name().toLowerCase(Locale.ROOT))
			.metadata("provider", PaymentClient.PROVIDER)
			.build());
		return failed;
	}

	/**
	 * Cancels a placed order and puts its items back in stock.
	 * @param shop the shop
	 * @param customer the customer who owns the order
	 * @param id the order
	 * @return the cancelled order
	 */
	@Transactional
	public Order cancel(String shop, String customer, long id) {
		Order order = find(shop, id, customer);
		requireStatus(order, OrderStatus.PLACED);
		this.jdbc.sql("update product p set stock = stock + (select sum(quantity) from order_line l "
				+ "where l.order_id = ? and l.product_id = p.id) where id in (select product_id from order_line where order_id = ?)")
			.params(id, id)
			.update();
		Order cancelled = update(order, OrderStatus.CANCELLED);
		this.business.order(shop, OrderStatus.CANCELLED, order.money());
		this.audit.log(event("order.cancelled", cancelled).build());
		return cancelled;
	}

	/**
	 * Refunds a paid order (an admin action).
	 * @param shop the shop
	 * @param admin who refunds
	 * @param id the order
	 * @return the refunded order
	 */
	public Order refund(String shop, String admin, long id) {
		Order order = find(shop, id, null);
		requireStatus(order, OrderStatus.PAID);
		Order refunded = update(order, OrderStatus.REFUNDED);
		this.business.order(shop, OrderStatus.REFUNDED, order.money());
		this.business.refund(shop, order.money());
		this.audit.log(event("order.refunded", refunded).principal(admin).build());
		return refunded;
	}

	/**
	 * Returns a recent paid order of a shop, for the traffic generator's refunds.
	 * @param shop the shop
	 * @return an order id, or {@code null}
	 */
	public @Nullable Long latestPaid(String shop) {
		List<Long> ids = this.jdbc.sql("select id from orders where shop_id = ? and status = 'PAID' order by id desc")
			.param(shop)
			.query(Long.class)
			.list();
		return ids.isEmpty() ? null : ids.get(0);
	}

	private Order find(String shop, long id, @Nullable String customer) {
		Order order = this.jdbc.sql("select id, shop_id, customer, status, total, currency from orders where id = ? and shop_id = ?")
			.params(id, shop)
			.query((rs, row) -> new Order(rs.getLong("id"), rs.getString("shop_id"), rs.getString("customer"),
					OrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total"), rs.getString("currency")))
			.optional()
			.orElseThrow(() -> new NotFoundException("order " + id + " does not exist in shop '" + shop + "'"));
		if (customer != null && !customer.equals(order.customer())) {
			throw new NotFoundException("order " + id + " does not exist in shop '" + shop + "'");
		}
		return order;
	}

	private static void requireStatus(Order order, OrderStatus expected) {
		if (order.status() != expected) {
			throw new ConflictException("order " + order.id() + " is " + order.status().name().toLowerCase(Locale.ROOT)
					+ ", not " + expected.name().toLowerCase(Locale.ROOT));
		}
	}

	private Order update(Order order, OrderStatus status) {
		this.jdbc.sql("update orders set status = ? where id = ?").params(status.name(), order.id()).update();
		return new Order(order.id(), order.shop(), order.customer(), status, order.total(), order.currency());
	}

	private static AuditEvent.Builder event(String type, Order order) {
		return AuditEvent.builder(type)
			.principal(order.customer())
			.tenant(order.shop())
			.action(type.substring(type.indexOf('.') + 1))
			.resource("order/" + order.id())
			.metadata("total", order.total().toPlainString())
			.metadata("currency", order.currency());
	}

	/**
	 * An order line of a checkout.
	 *
	 * @param productId the product
	 * @param quantity how many
	 */
	public record Item(long productId, int quantity) {
	}

	/**
	 * An order.
	 *
	 * @param id the id
	 * @param shop the shop
	 * @param customer the customer
	 * @param status the status
	 * @param total the total
	 * @param currency the currency
	 */
	public record Order(long id, String shop, String customer, OrderStatus status, BigDecimal total, String currency) {

		Money money() {
			return Money.of(this.total.toPlainString(), this.currency);
		}

		Map<String, Object> view() {
			return Map.of("id", this.id, "status", this.status.name().toLowerCase(Locale.ROOT), "total",
					this.total, "currency", this.currency);
		}

	}

}
