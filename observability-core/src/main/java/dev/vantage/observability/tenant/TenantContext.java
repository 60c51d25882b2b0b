package dev.vantage.observability.tenant;

import dev.vantage.observability.cardinality.TagValues;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The tenant (shop, customer account) of the work running on the current thread. The web
 * integration sets it from each request; domain code may set it explicitly, for example in
 * a message listener. The value is also put in the logging MDC under {@value #MDC_KEY}.
 */
public final class TenantContext {

	/** The MDC key under which the current tenant is logged. */
	public static final String MDC_KEY = "tenant";

	private static final ThreadLocal<@Nullable String> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	/**
	 * Returns the current tenant.
	 * @return the tenant, or {@value TagValues#NONE} when unknown
	 */
	public static String current() {
		String tenant = CURRENT.get();
		return (tenant != null) ? tenant : TagValues.NONE;
	}

	/**
	 * Returns the current tenant, or {@code null} when none was set, for code that carries
	 * the context to other threads.
	 * @return the tenant or {@code null}
	 */
	public static @Nullable String currentOrNull() {
		return CURRENT.get();
	}

	/**
	 * Makes a tenant current until the returned scope is closed, which restores the
	 * previous one.
	 * @param tenant the tenant; sanitized like every tag value
	 * @return the scope to close
	 */
	public static Scope open(@Nullable String tenant) {
		String previous = CURRENT.get();
		set(tenant);
		return () -> restore(previous);
	}

	/**
	 * Makes a tenant current for the rest of the unit of work; a missing or blank tenant
	 * clears it, so that logs carry a tenant only when it is known.
	 * @param tenant the tenant; sanitized like every tag value
	 */
	public static void set(@Nullable String tenant) {
		String value = TagValues.sanitize(tenant);
		if (TagValues.NONE.equals(value)) {
			clear();
			return;
		}
		CURRENT.set(value);
		MDC.put(MDC_KEY, value);
	}

	/** Forgets the current tenant. */
	public static void clear() {
		CURRENT.remove();
		MDC.remove(MDC_KEY);
	}

	private static void restore(@Nullable String previous) {
		if (previous == null) {
			clear();
		}
		else {
			CURRENT.set(previous);
			MDC.put(MDC_KEY, previous);
		}
	}

	/** A tenant made current by {@link #open(String)}. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		/** Restores the tenant that was current before. */
		@Override
		void close();

	}

}
