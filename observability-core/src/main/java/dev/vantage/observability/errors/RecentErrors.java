package dev.vantage.observability.errors;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

/**
 * The last exceptions an HTTP request recorded or will record, held weakly, so that the same
 * exception logged by the server or the framework's error handler (often wrapped, or as its
 * root cause) is not counted a second time.
 */
final class RecentErrors {

	private static final int SIZE = 32;

	private final AtomicReferenceArray<@Nullable WeakReference<Throwable>> slots = new AtomicReferenceArray<>(SIZE);

	private final AtomicInteger next = new AtomicInteger();

	void add(Throwable error) {
		this.slots.set(this.next.getAndIncrement() & (SIZE - 1), new WeakReference<>(error));
	}

	/** Whether the exception, one of its causes, or one it is the cause of was added. */
	boolean contains(Throwable error) {
		for (int i = 0; i < SIZE; i++) {
			WeakReference<Throwable> reference = this.slots.get(i);
			Throwable recorded = (reference != null) ? reference.get() : null;
			if (recorded != null && (inChain(recorded, error) || inChain(error, recorded))) {
				return true;
			}
		}
		return false;
	}

	private static boolean inChain(Throwable chain, @Nullable Throwable error) {
		Throwable current = chain;
		for (int depth = 0; current != null && depth < ErrorFingerprinter.MAX_CHAIN; depth++) {
			if (current == error) {
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

}
