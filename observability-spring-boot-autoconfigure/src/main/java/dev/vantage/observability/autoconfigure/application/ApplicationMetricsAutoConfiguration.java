package dev.vantage.observability.autoconfigure.application;

import dev.vantage.observability.application.BuildInfoMetrics;
import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@code application_build_info}. The {@code application} common tag
 * is Boot's own {@code management.metrics.tags.application}, which Vantage defaults to
 * {@code spring.application.name} (see {@code ApplicationDefaults}).
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnObservabilityEnabled(VantageApplicationProperties.PREFIX)
@EnableConfigurationProperties(VantageApplicationProperties.class)
public final class ApplicationMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BuildInfoMetrics buildInfoMetrics(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
		BuildProperties buildProperties = build.getIfAvailable();
		GitProperties gitProperties = git.getIfAvailable();
		return new BuildInfoMetrics((buildProperties != null) ? buildProperties.getVersion() : null,
				(gitProperties != null) ? gitProperties.getShortCommitId() : null);
	}

}
