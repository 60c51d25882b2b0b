package dev.vantage.observability.errors;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.support.Arguments;

/**
 * Groups and counts errors: {@code errors{exception, fingerprint, source, handled}} and, per
 * group, what the {@code errors} endpoint shows. An error of a group seen before costs the
 * fingerprint (a walk over frames already taken), a lock-free lookup and a counter increment;
 * a new group also masks its message and keeps a bounded sample stack trace. Messages never
 * become tag values. Server groups (HTTP and logs) and browser groups are bounded separately,
 * so that pages cannot push the server's groups out.
 */
public final class ErrorTracker {

	/** The meter name. */
	public static final String METER = "errors";

	/** How often a group seen again takes a new sample: at most once a minute. */
	public static final long SAMPLE_INTERVAL_MILLIS = 60_000;

	private final MeterRegistry registry;

	private final ErrorFingerprinter fingerprinter;

	private final List<ErrorGrouping> groupings;

	private final AuditMasker masker;

	private final String version;

	private final ErrorLimits limits;

	private final Clock clock;

	private final ErrorGroups server;

	private final ErrorGroups browser;

	private final ErrorSampler sampler;

	private final RecentErrors recentHttp = new RecentErrors();

	/**
	 * The last error and message each thread asked about: a log line asks for the same
	 * fingerprint and masked message several times (its fields, its stack trace, its count). One
	 * entry per thread, overwritten by the next error.
	 */
	private final ThreadLocal<LastSeen> lastSeen = ThreadLocal.withInitial(LastSeen::new);

	/**
	 * Creates a tracker.
	 * @param registry where {@code errors} is counted
	 * @param fingerprinter computes fingerprints
	 * @param groupings overrides of the grouping, in order
	 * @param masker masks messages
	 * @param version the application's version, kept with each new group
	 * @param limits what is kept
	 * @param clock the clock
	 */
	public ErrorTracker(MeterRegistry registry, ErrorFingerprinter fingerprinter, List<ErrorGrouping> groupings,
			AuditMasker masker, String version, ErrorLimits limits, Clock clock) {
		this(registry, fingerprinter, groupings, masker, version, limits, clock,
				new ErrorSampler("default", ErrorSampler.Principal.HASH));
	}

	/**
	 * Creates a tracker.
	 * @param registry where {@code errors} is counted
	 * @param fingerprinter computes fingerprints
	 * @param groupings overrides of the grouping, in order
	 * @param masker masks messages
	 * @param version the application's version, kept with each new group and sample
	 * @param limits what is kept
	 * @param clock the clock
	 * @param sampler makes the samples of groups
	 */
	public ErrorTracker(MeterRegistry registry, ErrorFingerprinter fingerprinter, List<ErrorGrouping> groupings,
			AuditMasker masker, String version, ErrorLimits limits, Clock clock, ErrorSampler sampler) {
		this.sampler = Arguments.requireNonNull(sampler, "sampler");
		this.registry = Arguments.requireNonNull(registry, "registry");
		this.fingerprinter = Arguments.requireNonNull(fingerprinter, "fingerprinter");
		this.groupings = List.copyOf(Arguments.requireNonNull(groupings, "groupings"));
		this.masker = Arguments.requireNonNull(masker, "masker");
		this.version = Arguments.requireNonNull(version, "version");
		this.limits = Arguments.requireNonNull(limits, "limits");
		this.clock = Arguments.requireNonNull(clock, "clock");
		this.server = new ErrorGroups(limits.maxGroups());
		this.browser = new ErrorGroups(limits.maxBrowserGroups());
	}

	/**
	 * Records an exception that ended an HTTP request.
	 * @param error the exception
	 * @param handled whether a handler turned it into a response
	 * @param status the response status
	 * @param route the route template, or {@code null}
	 * @param traceId the request's trace id, or {@code null}
	 * @return the group
	 */
	public ErrorGroup recordHttp(Throwable error, boolean handled, int status, @Nullable String route,
			@Nullable String traceId) {
		return recordHttp(error, handled, status, route, traceId, ErrorContext.NONE);
	}

	/**
	 * Records an exception that ended an HTTP request, with what is known about the request
	 * for the group's sample.
	 * @param error the exception
	 * @param handled whether a handler turned it into a response
	 * @param status the response status
	 * @param route the route template, or {@code null}
	 * @param traceId the request's trace id, or {@code null}
	 * @param context the request
	 * @return the group
	 */
	public ErrorGroup recordHttp(Throwable error, boolean handled, int status, @Nullable String route,
			@Nullable String traceId, ErrorContext context) {
		Arguments.requireNonNull(error, "error");
		Arguments.requireNonNull(context, "context");
		this.recentHttp.add(error);
		ErrorGroup group = group(error, ThrowableAccess.THROWABLES);
		long now = this.clock.millis();
		group.seen(this.registry, now, ErrorSource.HTTP, handled, 1, route, traceId, status);
		sample(group, context, now, traceId, route, status);
		return group;
	}

	/**
	 * Says that an HTTP request will record this exception when it ends, so that a log line of
	 * it before then (a framework's error handler logging it) is not counted twice.
	 * @param error the exception
	 */
	public void expectHttp(Throwable error) {
		this.recentHttp.add(Arguments.requireNonNull(error, "error"));
	}

	/**
	 * Records an exception logged at ERROR, unless an HTTP request recorded it (or will).
	 * @param <T> the exception's representation
	 * @param <F> its frames
	 * @param error the exception
	 * @param access how to read it
	 * @param logger the logger's name
	 * @param handled whether the code that logged it handled it
	 * @param traceId the trace id of the log line, or {@code null}
	 * @return the group, {@code null} when the exception was an HTTP request's
	 */
	public <T, F> @Nullable ErrorGroup recordLog(T error, ThrowableAccess<T, F> access, String logger,
			boolean handled, @Nullable String traceId) {
		return recordLog(error, access, logger, handled, traceId, ErrorContext.NONE);
	}

	/**
	 * Records an exception logged at ERROR, unless an HTTP request recorded it (or will), with
	 * what is known about the request or job that logged it for the group's sample.
	 * @param <T> the exception's representation
	 * @param <F> its frames
	 * @param error the exception
	 * @param access how to read it
	 * @param logger the logger's name
	 * @param handled whether the code that logged it handled it
	 * @param traceId the trace id of the log line, or {@code null}
	 * @param context the request or job
	 * @return the group, {@code null} when the exception was an HTTP request's
	 */
	public <T, F> @Nullable ErrorGroup recordLog(T error, ThrowableAccess<T, F> access, String logger,
			boolean handled, @Nullable String traceId, ErrorContext context) {
		Arguments.requireNonNull(context, "context");
		Throwable throwable = access.throwable(error);
		if (throwable != null && this.recentHttp.contains(throwable)) {
			return null;
		}
		ErrorGroup group = group(error, access);
		long now = this.clock.millis();
		group.seen(this.registry, now, ErrorSource.LOG, handled, 1, logger, traceId, 0);
		sample(group, context, now, traceId, logger, 0);
		return group;
	}

	private void sample(ErrorGroup group, ErrorContext context, long now, @Nullable String traceId,
			@Nullable String where, int status) {
		// A group seen again within the interval takes no sample: nothing is masked or allocated.
		if (group.needsSample(now, SAMPLE_INTERVAL_MILLIS)) {
			group.sample(this.sampler.sample(context, now, traceId, where, status, this.version, this::maskMessage,
					this::maskText));
		}
	}

	/**
	 * Records JavaScript errors of one kind that a page reported.
	 * @param page the page's route template (already bounded)
	 * @param error the error, normalised
	 * @param occurrences how many
	 */
	public void recordBrowser(String page, BrowserError error, long occurrences) {
		Arguments.requireNonNull(error, "error");
		long id = ErrorFingerprinter.fingerprint(error.groupKey());
		ErrorGroup seen = this.browser.find(id);
		ErrorGroup group = (seen != null) ? seen : this.browser.get(id, (key) -> new ErrorGroup(key, error.name(), null,
				maskMessage(error.message()),
				List.of(new ErrorGroup.Frame(error.frame(), true)), this.version, this.clock.millis(), ErrorSource.RUM));
		group.seen(this.registry, this.clock.millis(), ErrorSource.RUM, false, occurrences, page, null, 0);
	}

	/**
	 * Returns the fingerprint of an exception, as its log line carries it.
	 * @param <T> the exception's representation
	 * @param <F> its frames
	 * @param error the exception
	 * @param access how to read it
	 * @return {@value ErrorFingerprinter#LENGTH} hexadecimal digits
	 */
	public <T, F> String fingerprint(T error, ThrowableAccess<T, F> access) {
		long id = id(error, access);
		ErrorGroup group = this.server.find(id);
		return (group != null) ? group.fingerprint() : ErrorFingerprinter.hex(id);
	}

	/**
	 * Masks an exception's message for a log line or the endpoint.
	 * @param message the message
	 * @return the masked message, bounded, or {@code null}
	 */
	public @Nullable String maskMessage(@Nullable String message) {
		if (message == null) {
			return null;
		}
		// Masked, then cut: a card number across the cut is masked too. A huge message is cut to
		// four times the length first, so that masking it costs no more than that.
		int length = this.limits.messageLength();
		String masked = maskText((message.length() > 4L * length) ? message.substring(0, 4 * length) : message);
		return (masked.length() > length) ? masked.substring(0, length) + "..." : masked;
	}

	/**
	 * Masks text as messages are masked, without bounding its length: a stack trace's messages.
	 * @param text the text
	 * @return the masked text
	 */
	public String maskText(String text) {
		Arguments.requireNonNull(text, "text");
		LastSeen last = this.lastSeen.get();
		if (last.text == text) {
			return last.maskedText;
		}
		String masked = this.masker.maskText(text, Integer.MAX_VALUE);
		last.text = text;
		last.maskedText = (masked != null) ? masked : text;
		return last.maskedText;
	}

	/**
	 * Returns every group kept, the most recently seen first.
	 * @return the groups
	 */
	public List<ErrorGroup> groups() {
		List<ErrorGroup> all = new ArrayList<>(this.server.all());
		all.addAll(this.browser.all());
		all.sort(Comparator.comparingLong(ErrorGroup::lastSeen).reversed());
		return all;
	}

	/**
	 * Returns a group kept.
	 * @param fingerprint its fingerprint
	 * @return the group, or {@code null}
	 */
	public @Nullable ErrorGroup group(String fingerprint) {
		long id = ErrorFingerprinter.parse(Arguments.requireNonNull(fingerprint, "fingerprint"));
		if (id < 0) {
			return null;
		}
		ErrorGroup group = this.server.find(id);
		return (group != null) ? group : this.browser.find(id);
	}

	/**
	 * Returns how many groups were forgotten to make room for new ones.
	 * @return the number of groups
	 */
	public long evictedGroups() {
		return this.server.evicted() + this.browser.evicted();
	}

	/**
	 * Returns the limits.
	 * @return what is kept
	 */
	public ErrorLimits limits() {
		return this.limits;
	}

	private <T, F> ErrorGroup group(T error, ThrowableAccess<T, F> access) {
		long id = id(error, access);
		ErrorGroup seen = this.server.find(id);
		// No lambda for a group seen before: recording it allocates nothing.
		return (seen != null) ? seen : this.server.get(id, (key) -> newGroup(key, error, access));
	}

	private <T, F> long id(T error, ThrowableAccess<T, F> access) {
		LastSeen last = this.lastSeen.get();
		if (last.error == error) {
			return last.id;
		}
		long id = computeId(error, access);
		last.error = error;
		last.id = id;
		return id;
	}

	private <T, F> long computeId(T error, ThrowableAccess<T, F> access) {
		if (!this.groupings.isEmpty()) {
			Throwable throwable = access.throwable(error);
			if (throwable != null) {
				for (ErrorGrouping grouping : this.groupings) {
					String key = grouping.groupKey(throwable);
					if (key != null) {
						return ErrorFingerprinter.fingerprint(key);
					}
				}
			}
		}
		return this.fingerprinter.fingerprint(error, access);
	}

	private <T, F> ErrorGroup newGroup(long id, T error, ThrowableAccess<T, F> access) {
		T root = ErrorFingerprinter.rootCause(error, access);
		return new ErrorGroup(id, access.className(error), (root != error) ? access.className(root) : null,
				maskMessage(access.message(error)),
				ErrorGroup.sampleStack(error, access, this.fingerprinter, this.limits.stackDepth(), this::maskMessage),
				this.version, this.clock.millis(),
				ErrorSource.HTTP);
	}


	/** A thread's last error and its fingerprint, last text and its masked form. */
	private static final class LastSeen {

		private @Nullable Object error;

		private long id;

		private @Nullable String text;

		private String maskedText = "";

	}

}
