package dev.vantage.observability.autoconfigure;

import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boot's auto-configurations that give a context a {@code MeterRegistry}, and Vantage's
 * executor, shared by every auto-configuration test.
 */
public final class MetricsConfigurations {

	private MetricsConfigurations() {
	}

	/**
	 * Applies Vantage's environment defaults (Boot's SLO and common-tag properties among
	 * them), which a context runner, unlike an application, does not run.
	 * @param context the context about to be refreshed
	 */
	public static void vantageDefaults(ConfigurableApplicationContext context) {
		new ObservabilityDefaultsEnvironmentPostProcessor(Supplier::get).postProcessEnvironment(context.getEnvironment(),
				new SpringApplication());
	}

	public static AutoConfigurations withRegistry(Class<?>... configurations) {
		Class<?>[] all = new Class<?>[configurations.length + 4];
		all[0] = MetricsAutoConfiguration.class;
		all[1] = CompositeMeterRegistryAutoConfiguration.class;
		all[2] = SimpleMetricsExportAutoConfiguration.class;
		all[3] = ObservabilityExecutorAutoConfiguration.class;
		System.arraycopy(configurations, 0, all, 4, configurations.length);
		return AutoConfigurations.of(all);
	}

}
