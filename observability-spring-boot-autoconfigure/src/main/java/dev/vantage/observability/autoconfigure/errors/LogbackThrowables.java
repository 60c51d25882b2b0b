package dev.vantage.observability.autoconfigure.errors;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.jspecify.annotations.Nullable;

import dev.vantage.observability.errors.ThrowableAccess;

/**
 * Reads a logged exception through Logback's copy of it, whose frames the logging event
 * already took: a logged error is fingerprinted without a second stack walk.
 */
final class LogbackThrowables implements ThrowableAccess<IThrowableProxy, StackTraceElementProxy[]> {

	static final LogbackThrowables ACCESS = new LogbackThrowables();

	private LogbackThrowables() {
	}

	@Override
	public String className(IThrowableProxy error) {
		return error.getClassName();
	}

	@Override
	public @Nullable String message(IThrowableProxy error) {
		return error.getMessage();
	}

	@Override
	public @Nullable IThrowableProxy cause(IThrowableProxy error) {
		return error.getCause();
	}

	@Override
	public StackTraceElementProxy[] frames(IThrowableProxy error) {
		StackTraceElementProxy[] frames = error.getStackTraceElementProxyArray();
		return (frames != null) ? frames : new StackTraceElementProxy[0];
	}

	@Override
	public int frameCount(StackTraceElementProxy[] frames) {
		return frames.length;
	}

	@Override
	public StackTraceElement frame(StackTraceElementProxy[] frames, int index) {
		return frames[index].getStackTraceElement();
	}

	@Override
	public @Nullable Throwable throwable(IThrowableProxy error) {
		return (error instanceof ThrowableProxy proxy) ? proxy.getThrowable() : null;
	}

}
