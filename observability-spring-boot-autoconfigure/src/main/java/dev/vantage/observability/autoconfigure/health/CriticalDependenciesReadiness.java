package dev.vantage.observability.autoconfigure.health;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.stream.Collectors;

import dev.vantage.observability.support.ObserverFailures;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Adds the critical dependencies to the {@code readiness} group, whatever else the group
 * includes. Liveness is left alone: it never depends on anything external. Boot's groups
 * object keeps every interface it has; only the readiness group's membership grows.
 */
final class CriticalDependenciesReadiness implements HealthEndpointGroupsPostProcessor {

	static final String READINESS = "readiness";

	private static final Method GET = ReflectionUtils.findMethod(HealthEndpointGroups.class, "get", String.class);

	private static final String COMPONENT = "readiness group post-processor";

	private final Set<String> criticalMembers;

	private final ObserverFailures failures;

	CriticalDependenciesReadiness(Set<String> criticalDependencies, ObserverFailures failures) {
		this.failures = failures;
		failures.declare(COMPONENT);
		this.criticalMembers = criticalDependencies.stream()
			.map((name) -> DependenciesHealthContributor.NAME + "/" + name)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		if (this.criticalMembers.isEmpty() || groups.get(READINESS) == null) {
			return groups;
		}
		return this.failures.call(COMPONENT, () -> withCriticalReadiness(groups), groups);
	}

	/**
	 * A proxy with every interface of Boot's groups (they are also an
	 * {@code AdditionalPathsMapper}, which web endpoint discovery casts to), answering as
	 * they do but for {@code get("readiness")}.
	 */
	private HealthEndpointGroups withCriticalReadiness(HealthEndpointGroups groups) {
		Class<?>[] interfaces = ClassUtils.getAllInterfaces(groups);
		InvocationHandler handler = (proxy, method, args) -> {
			if (GET.equals(method) && READINESS.equals(args[0])) {
				HealthEndpointGroup group = groups.get(READINESS);
				return (group != null) ? new WithCriticalDependencies(group) : null;
			}
			try {
				return method.invoke(groups, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		};
		return (HealthEndpointGroups) Proxy.newProxyInstance(groups.getClass().getClassLoader(), interfaces, handler);
	}

	private final class WithCriticalDependencies implements HealthEndpointGroup {

		private final HealthEndpointGroup delegate;

		WithCriticalDependencies(HealthEndpointGroup delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean isMember(String name) {
			return this.delegate.isMember(name) || CriticalDependenciesReadiness.this.criticalMembers.contains(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.delegate.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.delegate.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.delegate.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.delegate.getHttpCodeStatusMapper();
		}

		@Override
		public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
			return this.delegate.getAdditionalPath();
		}

	}

}
