package dev.vantage.observability.autoconfigure.application;

import dev.vantage.observability.application.BuildInfoMetrics;
import dev.vantage.observability.autoconfigure.ConditionalOnObservabilityEnabled;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of what describes the application: the {@code application} common
 * tag and {@code application_build_info}.
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnObservabilityEnabled("application")
public final class ApplicationMetricsAutoConfiguration {

	/**
	 * Common tags never replace a tag a meter already has, so running late lets an explicit
	 * {@code management.metrics.tags.application} win; it still runs before the guard.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 1)
	@ConditionalOnProperty("spring.application.name")
	MeterFilter applicationTagMeterFilter(Environment environment) {
		return MeterFilter.commonTags(
				Tags.of("application", environment.getRequiredProperty("spring.application.name")));
	}

	@Bean
	@ConditionalOnMissingBean
	BuildInfoMetrics buildInfoMetrics(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
		BuildProperties buildProperties = build.getIfAvailable();
		GitProperties gitProperties = git.getIfAvailable();
		return new BuildInfoMetrics((buildProperties != null) ? buildProperties.getVersion() : null,
				(gitProperties != null) ? gitProperties.getShortCommitId() : null);
	}

}
