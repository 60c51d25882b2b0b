package dev.vantage.observability.health;

/**
 * The shape every built-in check shares: a name and whether the dependency is critical;
 * subclasses say only how to probe.
 */
public abstract class AbstractDependencyCheck implements DependencyCheck {

	private final String name;

	private final boolean critical;

	/**
	 * Creates the check.
	 * @param name the dependency's name, not blank
	 * @param critical whether it takes readiness down
	 */
	protected AbstractDependencyCheck(String name, boolean critical) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("'name' must not be blank, was '" + name + "'");
		}
		this.name = name;
		this.critical = critical;
	}

	@Override
	public final String name() {
		return this.name;
	}

	@Override
	public final boolean critical() {
		return this.critical;
	}

}
