package dev.vantage.observability.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.vantage.observability.support.Arguments;

/**
 * The last log events of one request or job, kept in a ring of a fixed size until the request
 * ends: the breadcrumbs of its error sample, if it fails. Adding an event stores three
 * references and a time in slots allocated once, so a request that does not fail costs only
 * the ring; the messages are masked when a sample is taken, not before. Safe for a request
 * whose work moves between threads.
 */
public final class Breadcrumbs {

	private final long[] times;

	private final String[] levels;

	private final String[] loggers;

	private final @Nullable String[] messages;

	private int next;

	private int size;

	/**
	 * Creates an empty ring.
	 * @param capacity the most events kept, at least 1
	 */
	public Breadcrumbs(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("'capacity' must be at least 1, was " + capacity);
		}
		this.times = new long[capacity];
		this.levels = new String[capacity];
		this.loggers = new String[capacity];
		this.messages = new String[capacity];
	}

	/**
	 * Keeps an event, forgetting the oldest when the ring is full.
	 * @param time when it was logged, epoch milliseconds
	 * @param level its level
	 * @param logger its logger's name
	 * @param message its message, not yet masked
	 */
	public synchronized void add(long time, String level, String logger, @Nullable String message) {
		this.times[this.next] = time;
		this.levels[this.next] = level;
		this.loggers[this.next] = logger;
		this.messages[this.next] = message;
		this.next = (this.next + 1) % this.times.length;
		this.size = Math.min(this.size + 1, this.times.length);
	}

	/**
	 * Returns the events kept, oldest first, with their messages masked.
	 * @param mask masks and bounds a message
	 * @return the breadcrumbs
	 */
	public List<Breadcrumb> snapshot(UnaryOperator<@Nullable String> mask) {
		Arguments.requireNonNull(mask, "mask");
		long[] times;
		String[] levels;
		String[] loggers;
		@Nullable String[] messages;
		int first;
		int size;
		synchronized (this) {
			times = this.times.clone();
			levels = this.levels.clone();
			loggers = this.loggers.clone();
			messages = this.messages.clone();
			size = this.size;
			first = (this.next - size + times.length) % times.length;
		}
		List<Breadcrumb> crumbs = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			int slot = (first + i) % times.length;
			crumbs.add(new Breadcrumb(times[slot], levels[slot], loggers[slot], mask.apply(messages[slot])));
		}
		return crumbs;
	}

	/**
	 * One log event before an error.
	 *
	 * @param time when it was logged, epoch milliseconds
	 * @param level its level
	 * @param logger its logger's name
	 * @param message its message, masked and bounded
	 */
	public record Breadcrumb(long time, String level, String logger, @Nullable String message) {
	}

}
