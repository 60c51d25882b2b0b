package dev.vantage.observability.autoconfigure.tenant;

import dev.vantage.observability.tenant.TenantContext;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Carries {@link TenantContext} to other threads with Micrometer's context propagation
 * (executors decorated by Boot, Reactor, {@code @Async}); registered through
 * {@code META-INF/services}.
 */
public final class TenantThreadLocalAccessor implements ThreadLocalAccessor<String> {

	/** The key of the tenant in a context snapshot. */
	public static final String KEY = "dev.vantage.observability.tenant";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable String getValue() {
		return TenantContext.currentOrNull();
	}

	@Override
	public void setValue(String value) {
		TenantContext.set(value);
	}

	@Override
	public void setValue() {
		TenantContext.clear();
	}

}
