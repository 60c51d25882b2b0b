package dev.vantage.observability.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;

/**
 * Boot's auto-configurations that give a context a {@code MeterRegistry}, shared by every
 * auto-configuration test.
 */
public final class MetricsConfigurations {

	private MetricsConfigurations() {
	}

	public static AutoConfigurations withRegistry(Class<?>... configurations) {
		Class<?>[] all = new Class<?>[configurations.length + 3];
		all[0] = MetricsAutoConfiguration.class;
		all[1] = CompositeMeterRegistryAutoConfiguration.class;
		all[2] = SimpleMetricsExportAutoConfiguration.class;
		System.arraycopy(configurations, 0, all, 3, configurations.length);
		return AutoConfigurations.of(all);
	}

}
