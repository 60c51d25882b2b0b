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

	private final Map<String, Object> fixed;

	/**
	 * Creates the defaults of one concern, all of them worked out by {@link #contribute}.
	 * @param name the concern, naming the property source {@code vantageDefaults.<name>}
	 * @param order the order among the defaults; {@link #ORDER} plus a small offset
	 */
	protected VantageDefaults(String name, int order) {
		this(name, order, Map.of());
	}

	/**
	 * Creates the defaults of one concern with values that depend on nothing.
	 * @param name the concern, naming the property source {@code vantageDefaults.<name>}
	 * @param order the order among the defaults; {@link #ORDER} plus a small offset
	 * @param fixed the defaults set whatever the environment holds, in their order
	 */
	protected VantageDefaults(String name, int order, Map<String, Object> fixed) {
		this.name = name;
		this.order = order;
		this.fixed = new LinkedHashMap<>(fixed);
	}

	@Override
	public final void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!VantageProperties.isEnabled(environment, "")) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>(this.fixed);
		contribute(environment, application, defaults);
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_PREFIX + this.name, defaults));
		}
	}

	/**
	 * Puts this concern's defaults that depend on the environment or the class path, after the
	 * fixed ones; may warn or fail startup on configuration it cannot use. Nothing by default.
	 * @param environment the environment, with the application's configuration loaded
	 * @param application the application
	 * @param defaults the map to put the defaults into
	 */
	protected void contribute(ConfigurableEnvironment environment, SpringApplication application,
			Map<String, Object> defaults) {
	}

	@Override
	public int getOrder() {
		return this.order;
	}

}
