package dev.vantage.observability.slo;

/**
 * Thrown when a service level objective is declared with a value it cannot have; names the
 * field so that configuration can name its property.
 */
public final class InvalidObjectiveException extends IllegalArgumentException {

	/** The version of the serialized form. */
	@java.io.Serial
	private static final long serialVersionUID = 1L;

	/** The field of the objective that is wrong. */
	private final String field;

	/**
	 * Creates the exception.
	 * @param field the field of the objective that is wrong, for example {@code objective}
	 * @param message why, naming the value
	 */
	public InvalidObjectiveException(String field, String message) {
		super("'" + field + "' " + message);
		this.field = field;
	}

	/**
	 * The field of the objective that is wrong.
	 * @return the field's name, for example {@code threshold}
	 */
	public String field() {
		return this.field;
	}

}
