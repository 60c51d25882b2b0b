package dev.vantage.observability.autoconfigure.diagnostics;

import dev.vantage.observability.autoconfigure.support.ConditionalOnObservabilityEnabled;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of what Vantage says about itself: one INFO summary once the
 * application is ready and, with the actuator, the {@code vantage} endpoint.
 */
@AutoConfiguration
@ConditionalOnObservabilityEnabled
public final class DiagnosticsAutoConfiguration {

	private static final Log logger = LogFactory.getLog(VantageReport.class);

	@Bean
	@ConditionalOnMissingBean
	VantageReport vantageReport(ConfigurableListableBeanFactory beanFactory) {
		return new VantageReport(beanFactory);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> vantageStartupSummary(VantageReport report) {
		return (event) -> {
			if (event.getApplicationContext().getParent() == null) {
				logger.info(report.summary());
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		VantageEndpoint vantageEndpoint(VantageReport report) {
			return new VantageEndpoint(report);
		}

	}

}
