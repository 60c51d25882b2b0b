package dev.vantage.observability.autoconfigure.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * One concern's defaults for other libraries' properties, added as its own property source
 * at the lowest precedence, so that any value the application sets wins. Each concern
 * registers its subclass in {@code META-INF/spring.factories}; none runs when
 * {@code observability.enabled} is false.
 */
public abstract class VantageDefaults implements EnvironmentPostProcessor, Ordered {

	/** The prefix of the names of the property sources holding Vantage's defaults. */
	public static final String PROPERTY_SOURCE_PREFIX = "vantageDefaults.";

	/** The order of the first defaults; after Boot has loaded the application's configuration. */
	protected static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private final String name;

	private final int order;

	/**
	 * Creates the defaults of one concern.
	 * @param name the concern, naming the property source {@code vantageDefaults.<name>}
	 * @param order the order among the defaults; {@link #ORDER} plus a small offset
	 */
	protected VantageDefaults(String name, int order) {
		this.name = name;
		this.order = order;
	}

	@Override
	public final void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!VantageProperties.isEnabled(environment, "")) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		contribute(environment, application, defaults);
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_PREFIX + this.name, defaults));
		}
	}

	/**
	 * Puts this concern's defaults; may warn or fail startup on configuration it cannot use.
	 * @param environment the environment, with the application's configuration loaded
	 * @param application the application
	 * @param defaults the map to put the defaults into
	 */
	protected abstract void contribute(ConfigurableEnvironment environment, SpringApplication application,
			Map<String, Object> defaults);

	@Override
	public int getOrder() {
		return this.order;
	}

}
