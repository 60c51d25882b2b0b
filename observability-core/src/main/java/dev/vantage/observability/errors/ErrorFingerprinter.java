package dev.vantage.observability.errors;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.vantage.observability.support.Arguments;

/**
 * Computes the fingerprint of an error: 64-bit FNV-1a over the UTF-16 code units of
 * <ol>
 * <li>the exception's class name, a line feed, the root cause's class name, a line feed;</li>
 * <li>for each exception of the cause chain (outermost first, at most {@value #MAX_CHAIN}),
 * each of its frames whose class is in an application package, as {@code class#method} and a
 * line feed: class names without generated suffixes (from {@code $$}, as in lambdas and CGLIB
 * proxies), lambda method names without their number, a frame repeating the one before it
 * (recursion, a proxy and its target) once, at most {@value #MAX_APPLICATION_FRAMES} frames
 * per exception;</li>
 * <li>when no frame is the application's, the root cause's innermost frame, the same way;</li>
 * </ol>
 * and written as the {@value #LENGTH} lowest hexadecimal digits. Messages and line numbers
 * take no part, so the fingerprint is the same across restarts, instances, builds that only
 * move code and occurrences whose messages differ. A key from an {@link ErrorGrouping} is
 * hashed instead, the same way.
 */
public final class ErrorFingerprinter {

	/** The number of hexadecimal digits of a fingerprint. */
	public static final int LENGTH = 12;

	/** The most exceptions of a cause chain read. */
	public static final int MAX_CHAIN = 16;

	/** The most application frames hashed per exception. */
	public static final int MAX_APPLICATION_FRAMES = 64;

	private static final long OFFSET = 0xcbf29ce484222325L;

	private static final long PRIME = 0x100000001b3L;

	private static final long MASK = (1L << (4 * LENGTH)) - 1;

	private final String[] packages;

	/**
	 * Creates a fingerprinter.
	 * @param applicationPackages the application's packages, for example
	 * {@code com.example.shop}; their subpackages are included
	 */
	public ErrorFingerprinter(List<String> applicationPackages) {
		this.packages = Arguments.requireNonNull(applicationPackages, "applicationPackages")
			.stream()
			.map(String::strip)
			.filter((name) -> !name.isEmpty())
			.map((name) -> name.endsWith(".") ? name : name + ".")
			.distinct()
			.toArray(String[]::new);
	}

	/**
	 * Tells whether a class is the application's.
	 * @param className the class name
	 * @return {@code true} when it is in an application package
	 */
	public boolean isApplicationClass(String className) {
		for (String prefix : this.packages) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Computes the fingerprint of an exception.
	 * @param <T> the exception's representation
	 * @param <F> its frames
	 * @param error the exception
	 * @param access how to read it
	 * @return the fingerprint, {@value #LENGTH} hexadecimal digits as a number
	 */
	public <T, F> long fingerprint(T error, ThrowableAccess<T, F> access) {
		T root = rootCause(error, access);
		long hash = add(OFFSET, access.className(error));
		hash = add(hash, '\n');
		hash = add(add(hash, access.className(root)), '\n');
		int applicationFrames = 0;
		T current = error;
		for (int depth = 0; current != null && depth < MAX_CHAIN; depth++) {
			F frames = access.frames(current);
			StackTraceElement previous = null;
			// Frames of one class share its name's String: decide once per run of them.
			String lastClass = null;
			boolean lastIsApplication = false;
			int hashed = 0;
			for (int i = 0, n = access.frameCount(frames); i < n && hashed < MAX_APPLICATION_FRAMES; i++) {
				StackTraceElement frame = access.frame(frames, i);
				String className = frame.getClassName();
				if (className != lastClass) {
					lastClass = className;
					lastIsApplication = isApplicationClass(className);
				}
				if (!lastIsApplication || (previous != null && sameFrame(previous, frame))) {
					continue;
				}
				hash = addFrame(hash, frame);
				previous = frame;
				hashed++;
			}
			applicationFrames += hashed;
			T cause = access.cause(current);
			current = (cause == current) ? null : cause;
		}
		if (applicationFrames == 0) {
			F frames = access.frames(root);
			if (access.frameCount(frames) > 0) {
				hash = addFrame(hash, access.frame(frames, 0));
			}
		}
		return hash & MASK;
	}

	/**
	 * Computes the fingerprint of a grouping key.
	 * @param key the key
	 * @return the fingerprint as a number
	 */
	public static long fingerprint(String key) {
		return add(OFFSET, key) & MASK;
	}

	/**
	 * Writes a fingerprint.
	 * @param fingerprint the number
	 * @return {@value #LENGTH} lower-case hexadecimal digits
	 */
	public static String hex(long fingerprint) {
		String digits = Long.toHexString(fingerprint & MASK);
		return "0".repeat(LENGTH - digits.length()) + digits;
	}

	/**
	 * Reads a fingerprint.
	 * @param hex {@value #LENGTH} hexadecimal digits
	 * @return the number, or {@code -1} when the text is not a fingerprint
	 */
	public static long parse(String hex) {
		if (hex.length() != LENGTH) {
			return -1;
		}
		try {
			return Long.parseLong(hex.toLowerCase(Locale.ROOT), 16);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Returns the innermost cause of an exception.
	 * @param <T> the exception's representation
	 * @param error the exception
	 * @param access how to read it
	 * @return the root cause, the exception itself when it has none
	 */
	public static <T> T rootCause(T error, ThrowableAccess<T, ?> access) {
		T root = error;
		for (int depth = 1; depth < MAX_CHAIN; depth++) {
			T cause = access.cause(root);
			if (cause == null || cause == root) {
				break;
			}
			root = cause;
		}
		return root;
	}

	private static long addFrame(long hash, StackTraceElement frame) {
		String className = frame.getClassName();
		String method = frame.getMethodName();
		hash = add(hash, className, 0, classEnd(className));
		hash = add(hash, '#');
		hash = add(hash, method, 0, methodEnd(method));
		return add(hash, '\n');
	}

	private static boolean sameFrame(StackTraceElement a, StackTraceElement b) {
		if (a.getClassName() == b.getClassName() && a.getMethodName().equals(b.getMethodName())) {
			// Recursion: the same class and method, the common case, without looking for suffixes.
			return true;
		}
		return sameRegion(a.getClassName(), classEnd(a.getClassName()), b.getClassName(), classEnd(b.getClassName()))
				&& sameRegion(a.getMethodName(), methodEnd(a.getMethodName()), b.getMethodName(),
						methodEnd(b.getMethodName()));
	}

	private static boolean sameRegion(String a, int aEnd, String b, int bEnd) {
		return aEnd == bEnd && a.regionMatches(0, b, 0, aEnd);
	}

	/** Where a class name ends without its generated suffix: {@code $$Lambda}, {@code $$SpringCGLIB$$0}. */
	static int classEnd(String className) {
		int generated = className.indexOf("$$");
		return (generated > 0) ? generated : className.length();
	}

	/** Where a method name ends without a lambda's number: {@code lambda$order$3} is {@code lambda$order}. */
	static int methodEnd(String method) {
		if (!method.startsWith("lambda$")) {
			return method.length();
		}
		int end = method.length();
		while (end > 0 && Character.isDigit(method.charAt(end - 1))) {
			end--;
		}
		return (end < method.length() && end > 0 && method.charAt(end - 1) == '$') ? end - 1 : method.length();
	}

	private static long add(long hash, String text) {
		return add(hash, text, 0, text.length());
	}

	private static long add(long hash, String text, int from, int to) {
		for (int i = from; i < to; i++) {
			hash = add(hash, text.charAt(i));
		}
		return hash;
	}

	private static long add(long hash, char c) {
		return (hash ^ c) * PRIME;
	}

}
