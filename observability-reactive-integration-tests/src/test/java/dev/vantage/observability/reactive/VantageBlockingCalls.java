package dev.vantage.observability.reactive;

import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;
import reactor.blockhound.integration.LoggingIntegration;

/**
 * BlockHound, installed once per JVM, watching every non-blocking thread (Netty event loops,
 * Reactor's parallel threads) for blocking calls made from Vantage's code. Console logging is
 * allowed, as it is everywhere in Reactor and Netty; writing a file through Logback (the
 * audit log) is not.
 */
final class VantageBlockingCalls {

	private static final List<String> found = new CopyOnWriteArrayList<>();

	private static volatile boolean installed;

	private VantageBlockingCalls() {
	}

	static synchronized void install() {
		if (installed) {
			return;
		}
		// The integrations on the classpath (Reactor's and Netty's mark their non-blocking
		// threads), but not BlockHound's own logging one, which allows every blocking call in a
		// logging framework and so would hide an audit file write.
		BlockHound.Builder builder = BlockHound.builder();
		ServiceLoader.load(BlockHoundIntegration.class)
			.stream()
			.map(ServiceLoader.Provider::get)
			.filter((integration) -> !(integration instanceof LoggingIntegration))
			.sorted()
			.forEach(builder::with);
		builder.blockingMethodCallback((method) -> {
			StackTraceElement[] stack = new Throwable().getStackTrace();
			if (fromVantage(stack) && !consoleLogging(stack)) {
				found.add(method + " on " + Thread.currentThread().getName() + "\n\t" + Arrays.stream(stack)
					.limit(40)
					.map(String::valueOf)
					.collect(Collectors.joining("\n\t")));
			}
		}).install();
		installed = true;
	}

	/** The blocking calls Vantage made on non-blocking threads since the last call. */
	static List<String> drain() {
		List<String> calls = List.copyOf(found);
		found.clear();
		return calls;
	}

	private static boolean fromVantage(StackTraceElement[] stack) {
		return Arrays.stream(stack)
			.map(StackTraceElement::getClassName)
			.anyMatch((name) -> name.startsWith("dev.vantage.observability.")
					&& !name.startsWith("dev.vantage.observability.reactive."));
	}

	private static boolean consoleLogging(StackTraceElement[] stack) {
		return Arrays.stream(stack)
			.map(StackTraceElement::getClassName)
			.anyMatch((name) -> name.startsWith("ch.qos.logback.core.joran.spi.ConsoleTarget"));
	}

}
