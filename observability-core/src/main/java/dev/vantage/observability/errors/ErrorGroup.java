package dev.vantage.observability.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * One group of errors: what the first occurrence showed (exception, root cause, masked
 * message, a sample stack trace) and what the latest changed (count, last seen, where, trace
 * id) and its latest sample ({@link ErrorSample}, taken at most once a minute). Its counters
 * are registered on first use.
 */
public final class ErrorGroup {

	private final long id;

	private final String fingerprint;

	private final String exception;

	private final String exceptionTag;

	private final @Nullable String rootCause;

	private final @Nullable String message;

	private final List<Frame> stackTrace;

	private final String version;

	private final long firstSeen;

	private final LongAdder count = new LongAdder();

	private final @Nullable Counter[] counters = new Counter[ErrorSource.values().length * 2];

	private volatile long lastSeen;

	private volatile ErrorSource lastSource;

	private volatile boolean lastHandled;

	private volatile @Nullable String where;

	private volatile @Nullable String lastTraceId;

	private volatile int lastStatus;

	private volatile @Nullable ErrorSample sample;

	private final AtomicBoolean reported = new AtomicBoolean();

	ErrorGroup(long id, String exception, @Nullable String rootCause, @Nullable String message, List<Frame> stackTrace,
			String version, long firstSeen, ErrorSource source) {
		this.id = id;
		this.fingerprint = ErrorFingerprinter.hex(id);
		this.exception = exception;
		this.exceptionTag = simpleName(exception);
		this.rootCause = rootCause;
		this.message = message;
		this.stackTrace = List.copyOf(stackTrace);
		this.version = version;
		this.firstSeen = firstSeen;
		this.lastSeen = firstSeen;
		this.lastSource = source;
	}

	void seen(MeterRegistry registry, long now, ErrorSource source, boolean handled, long occurrences,
			@Nullable String where, @Nullable String traceId, int status) {
		counter(registry, source, handled).increment(occurrences);
		this.count.add(occurrences);
		this.lastSeen = now;
		this.lastSource = source;
		this.lastHandled = handled;
		if (where != null) {
			this.where = where;
		}
		if (traceId != null) {
			this.lastTraceId = traceId;
		}
		this.lastStatus = status;
	}

	/** Whether the group has no sample or one older than {@code interval}. */
	boolean needsSample(long now, long interval) {
		ErrorSample current = this.sample;
		return current == null || now - current.time() >= interval;
	}

	void sample(ErrorSample sample) {
		this.sample = sample;
	}

	private Counter counter(MeterRegistry registry, ErrorSource source, boolean handled) {
		int index = source.ordinal() * 2 + (handled ? 1 : 0);
		Counter counter = this.counters[index];
		if (counter != null) {
			return counter;
		}
		synchronized (this.counters) {
			if (this.counters[index] == null) {
				this.counters[index] = Counter.builder(ErrorTracker.METER)
					.description("Errors by group: exceptions that ended HTTP requests or were logged at ERROR, "
							+ "and JavaScript errors browsers reported")
					.tags("exception", this.exceptionTag, "fingerprint", this.fingerprint, "source", source.tag(),
							"handled", String.valueOf(handled))
					.register(registry);
			}
			return this.counters[index];
		}
	}

	long id() {
		return this.id;
	}

	/**
	 * Returns the fingerprint.
	 * @return {@value ErrorFingerprinter#LENGTH} hexadecimal digits
	 */
	public String fingerprint() {
		return this.fingerprint;
	}

	/**
	 * Returns the exception's class name (a JavaScript error's name for browser errors).
	 * @return the name
	 */
	public String exception() {
		return this.exception;
	}

	/**
	 * Returns the root cause's class name.
	 * @return the name, {@code null} when the exception has no cause
	 */
	public @Nullable String rootCause() {
		return this.rootCause;
	}

	/**
	 * Returns the first occurrence's message, masked and bounded.
	 * @return the message, or {@code null}
	 */
	public @Nullable String message() {
		return this.message;
	}

	/**
	 * Returns the first occurrence's stack trace, bounded, with causes as lines of their own.
	 * @return the frames, outermost exception first
	 */
	public List<Frame> stackTrace() {
		return this.stackTrace;
	}

	/**
	 * Returns the application version that first saw this group.
	 * @return the version
	 */
	public String version() {
		return this.version;
	}

	/**
	 * Returns how many errors this group counted in this process.
	 * @return the count
	 */
	public long count() {
		return this.count.sum();
	}

	/**
	 * Returns when the group was first seen.
	 * @return epoch milliseconds
	 */
	public long firstSeen() {
		return this.firstSeen;
	}

	/**
	 * Returns when the group was last seen.
	 * @return epoch milliseconds
	 */
	public long lastSeen() {
		return this.lastSeen;
	}

	/**
	 * Returns where the latest error was seen.
	 * @return the source
	 */
	public ErrorSource lastSource() {
		return this.lastSource;
	}

	/**
	 * Tells whether the latest error was handled into a response or by the code that logged it.
	 * @return {@code true} when handled
	 */
	public boolean lastHandled() {
		return this.lastHandled;
	}

	/**
	 * Returns the route, logger or page of the latest error.
	 * @return where, or {@code null}
	 */
	public @Nullable String where() {
		return this.where;
	}

	/**
	 * Returns the trace id of the latest error that had one.
	 * @return the trace id, or {@code null}
	 */
	public @Nullable String lastTraceId() {
		return this.lastTraceId;
	}

	/**
	 * Returns the HTTP status of the latest error of an HTTP request.
	 * @return the status, 0 for other sources
	 */
	public int lastStatus() {
		return this.lastStatus;
	}

	/**
	 * Returns the latest sample.
	 * @return the sample, {@code null} for a group recorded without one (browser errors)
	 */
	public @Nullable ErrorSample sample() {
		return this.sample;
	}

	/**
	 * Tells whoever reports a group's first sample to the logs (once per group in this
	 * process) that it is the one to do so.
	 * @return {@code true} the first time only
	 */
	public boolean firstReport() {
		return !this.reported.get() && this.reported.compareAndSet(false, true);
	}

	/** The stack trace as Java prints it, without common frames, at most {@code stackDepth} frames in all. */
	static <T, F> List<Frame> sampleStack(T error, ThrowableAccess<T, F> access, ErrorFingerprinter fingerprinter,
			int stackDepth, UnaryOperator<@Nullable String> mask) {
		List<Frame> lines = new ArrayList<>();
		int frames = 0;
		T current = error;
		for (int depth = 0; current != null && depth < ErrorFingerprinter.MAX_CHAIN
				&& frames < stackDepth; depth++) {
			if (depth > 0) {
				String message = mask.apply(access.message(current));
				lines.add(new Frame(
						"Caused by: " + access.className(current) + ((message != null) ? ": " + message : ""), false));
			}
			F elements = access.frames(current);
			for (int i = 0, n = access.frameCount(elements); i < n && frames < stackDepth; i++, frames++) {
				StackTraceElement frame = access.frame(elements, i);
				lines.add(new Frame(frame.toString(),
						fingerprinter.isApplicationClass(frame.getClassName())));
			}
			T cause = access.cause(current);
			current = (cause == current) ? null : cause;
		}
		return lines;
	}

	/**
	 * The {@code exception} tag: the simple name, as Spring's {@code exception} tag of
	 * {@code http.server.requests} writes it; the full name for an anonymous class.
	 */
	static String simpleName(String className) {
		String name = className.substring(className.lastIndexOf('.') + 1);
		int nested = name.lastIndexOf('$');
		if (nested < 0 || nested == name.length() - 1) {
			return name;
		}
		String inner = name.substring(nested + 1);
		return Character.isDigit(inner.charAt(0)) ? className : inner;
	}

	/**
	 * One line of a sample stack trace.
	 *
	 * @param text a frame as Java prints it ({@code com.example.Shop.order(Shop.java:42)}),
	 * or a {@code Caused by:} line
	 * @param application whether the frame is in an application package
	 */
	public record Frame(String text, boolean application) {
	}

}
