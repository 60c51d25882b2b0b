package dev.vantage.observability.autoconfigure.health;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Adds the critical dependencies to the {@code readiness} group, whatever else the group
 * includes. Liveness is left alone: it never depends on anything external.
 */
final class CriticalDependenciesReadiness implements HealthEndpointGroupsPostProcessor {

	static final String READINESS = "readiness";

	private final Set<String> criticalMembers;

	CriticalDependenciesReadiness(Set<String> criticalDependencies) {
		this.criticalMembers = criticalDependencies.stream()
			.map((name) -> DependenciesHealthContributor.NAME + "/" + name)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		if (this.criticalMembers.isEmpty() || groups.get(READINESS) == null) {
			return groups;
		}
		return new HealthEndpointGroups() {

			@Override
			public HealthEndpointGroup getPrimary() {
				return groups.getPrimary();
			}

			@Override
			public Set<String> getNames() {
				return groups.getNames();
			}

			@Override
			public @Nullable HealthEndpointGroup get(String name) {
				HealthEndpointGroup group = groups.get(name);
				return (READINESS.equals(name) && group != null) ? new WithCriticalDependencies(group) : group;
			}

		};
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
