package dev.vantage.observability.autoconfigure.slo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import dev.vantage.observability.http.HttpMeters;
import dev.vantage.observability.slo.ServiceLevelObjective;
import dev.vantage.observability.slo.SloKind;
import dev.vantage.observability.slo.SloRules;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.PropertiesMeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the service level objectives declared under
 * {@code observability.slo.<name>}: checks them (startup fails naming the property), makes
 * sure every latency threshold is a bucket of {@code http.server.requests} (Vantage adds it to
 * Boot's SLO buckets; an application that overrides those buckets must keep it), and serves
 * the status, the generated Prometheus rules and a Sloth specification on the {@code slo}
 * endpoint.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(VantageSloProperties.class)
public final class SloAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SloRules sloRules(VantageSloProperties properties, Environment environment,
			ObjectProvider<MetricsProperties> metricsProperties) {
		List<ServiceLevelObjective> objectives = properties.objectives();
		metricsProperties.ifAvailable((metrics) -> requireLatencyBuckets(objectives, metrics));
		String application = environment.getProperty("management.metrics.tags.application",
				environment.getProperty("spring.application.name", "application"));
		return new SloRules(application, objectives);
	}

	/**
	 * A latency SLI is exact only when its threshold is a bucket: ask Boot's own filter, with
	 * every property the application set, which buckets the server timer gets.
	 */
	private static void requireLatencyBuckets(List<ServiceLevelObjective> objectives, MetricsProperties metrics) {
		Meter.Id id = new Meter.Id(HttpMeters.SERVER_REQUESTS, Tags.empty(), null, null, Meter.Type.TIMER);
		double[] buckets = new PropertiesMeterFilter(metrics).configure(id, DistributionStatisticConfig.NONE)
			.getServiceLevelObjectiveBoundaries();
		for (ServiceLevelObjective objective : objectives) {
			Duration threshold = objective.threshold();
			if (objective.kind() == SloKind.LATENCY && threshold != null && (buckets == null
					|| Arrays.stream(buckets).noneMatch((bucket) -> Math.abs(bucket - threshold.toNanos()) < 1))) {
				throw new IllegalStateException("'" + VantageSloProperties.PREFIX + "." + objective.name() + ".threshold' is "
						+ threshold.toMillis() + "ms, which is not a histogram bucket of " + HttpMeters.SERVER_REQUESTS
						+ ", so its SLI could not be exact. Its buckets come from management.metrics.distribution.slo."
						+ HttpMeters.SERVER_REQUESTS + ((buckets == null) ? ", which is unset (observability.http.enabled=false?)"
								: ", which is set without it") + ". Add " + threshold.toMillis() + "ms to it, or leave it "
						+ "unset with observability.http.enabled=true so that Vantage adds every threshold.");
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SloEndpoint sloEndpoint(SloRules rules, MeterRegistry registry) {
			return new SloEndpoint(rules, registry);
		}

	}

}
