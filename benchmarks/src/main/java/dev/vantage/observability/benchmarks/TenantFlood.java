package dev.vantage.observability.benchmarks;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.business.MeterBusinessMetrics;
import dev.vantage.observability.business.Money;
import dev.vantage.observability.business.OrderStatus;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.http.TenantRequestMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Sends 1,000,000 distinct tenant values through every tenant-tagged meter and prints the
 * series per meter against the cap and the heap growth (after GC) against the 20 MB target.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.vantage.observability.benchmarks.TenantFlood}
 */
public final class TenantFlood {

	private static final int TENANTS = 1_000_000;

	private TenantFlood() {
	}

	public static void main(String[] args) {
		GuardedRegistry guarded = GuardedRegistry.create(100, "business.", "http.server.tenant");
		PrometheusMeterRegistry registry = guarded.registry();
		CardinalityGuard guard = guarded.guard();
		BusinessMetrics business = new MeterBusinessMetrics(registry, guard, Map.of());
		TenantRequestMetrics requests = new TenantRequestMetrics(registry, guard);
		Money amount = Money.of(new BigDecimal("19.99"), Currency.getInstance("EUR"));
		flood(business, requests, amount, 1_000, "warm-");
		long before = usedHeapAfterGc();
		flood(business, requests, amount, TENANTS, "tenant-");
		long after = usedHeapAfterGc();
		for (String meter : new String[] { "business.orders", "business.order.value", "business.revenue",
				"business.refunded", "business.signups", "business.inventory.low.stock", TenantRequestMetrics.METER }) {
			long tenants = registry.find(meter).meters().stream().map((m) -> m.getId().getTag("tenant")).distinct().count();
			System.out.printf("%-32s %4d tenant values (cap %d + other)%n", meter, tenants, guard.maxTagValues());
		}
		double growthMb = (after - before) / (1024.0 * 1024.0);
		System.out.printf("heap growth after %,d distinct tenants: %.1f MB (target <= 20 MB, ratio %.2f)%n", TENANTS,
				growthMb, growthMb / 20);
		System.out.println("meters in registry: " + registry.getMeters().size());
	}

	private static void flood(BusinessMetrics business, TenantRequestMetrics requests, Money amount, int count,
			String prefix) {
		for (int i = 0; i < count; i++) {
			String tenant = prefix + i;
			business.order(tenant, OrderStatus.PLACED, amount);
			business.revenue(tenant, amount);
			business.refund(tenant, amount);
			business.signup(tenant);
			business.lowStock(tenant, 1);
			requests.record(tenant, 200, false, 1_000_000);
		}
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
