package dev.vantage.observability.errors;

import org.jspecify.annotations.Nullable;

/**
 * How the fingerprint reads an exception: a {@link Throwable} itself, or a logging library's
 * copy of one (Logback's {@code IThrowableProxy}), whose frames were already taken, so that a
 * logged error is grouped without walking its stack a second time.
 *
 * @param <T> the exception's representation
 * @param <F> its frames
 */
public interface ThrowableAccess<T, F> {

	/** Reads a {@link Throwable} directly. */
	ThrowableAccess<Throwable, StackTraceElement[]> THROWABLES = new ThrowableAccess<>() {

		@Override
		public String className(Throwable error) {
			return error.getClass().getName();
		}

		@Override
		public @Nullable String message(Throwable error) {
			return error.getMessage();
		}

		@Override
		public @Nullable Throwable cause(Throwable error) {
			return error.getCause();
		}

		@Override
		public StackTraceElement[] frames(Throwable error) {
			return error.getStackTrace();
		}

		@Override
		public int frameCount(StackTraceElement[] frames) {
			return frames.length;
		}

		@Override
		public StackTraceElement frame(StackTraceElement[] frames, int index) {
			return frames[index];
		}

		@Override
		public Throwable throwable(Throwable error) {
			return error;
		}

	};

	/**
	 * Returns the exception's class name.
	 * @param error the exception
	 * @return the fully qualified name
	 */
	String className(T error);

	/**
	 * Returns the exception's message.
	 * @param error the exception
	 * @return the message, or {@code null}
	 */
	@Nullable String message(T error);

	/**
	 * Returns the exception's cause.
	 * @param error the exception
	 * @return the cause, or {@code null}
	 */
	@Nullable T cause(T error);

	/**
	 * Returns the exception's frames.
	 * @param error the exception
	 * @return its frames, innermost first
	 */
	F frames(T error);

	/**
	 * Returns the number of frames.
	 * @param frames the frames
	 * @return how many
	 */
	int frameCount(F frames);

	/**
	 * Returns one frame.
	 * @param frames the frames
	 * @param index its index, innermost first
	 * @return the frame
	 */
	StackTraceElement frame(F frames, int index);

	/**
	 * Returns the exception itself, where this representation holds it.
	 * @param error the exception
	 * @return the {@link Throwable}, or {@code null} (a copy read back from elsewhere)
	 */
	@Nullable Throwable throwable(T error);

}
