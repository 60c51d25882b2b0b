package dev.vantage.observability.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import dev.vantage.observability.autoconfigure.support.ObservabilityExecutorAutoConfiguration;
import dev.vantage.observability.autoconfigure.support.VantageDefaults;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;

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
		vantageDefaults(Supplier::get).postProcessEnvironment(context.getEnvironment(), new SpringApplication());
	}

	/**
	 * Every concern's defaults as {@code META-INF/spring.factories} registers them, in their
	 * order, run one after the other.
	 * @param logFactory the log factory Boot would give them
	 * @return the defaults of every concern, as one post-processor
	 */
	public static EnvironmentPostProcessor vantageDefaults(DeferredLogFactory logFactory) {
		List<EnvironmentPostProcessor> all = SpringFactoriesLoader
			.forDefaultResourceLocation(MetricsConfigurations.class.getClassLoader())
			.load(EnvironmentPostProcessor.class, ArgumentResolver.of(DeferredLogFactory.class, logFactory))
			.stream()
			.filter(VantageDefaults.class::isInstance)
			.toList();
		assertThat(all).as("every concern's defaults are registered").hasSizeGreaterThanOrEqualTo(7);
		return (environment, application) -> all
			.forEach((defaults) -> defaults.postProcessEnvironment(environment, application));
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
