package dev.vantage.observability.autoconfigure.security;

import java.util.concurrent.RejectedExecutionException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a security record (a meter and an audit line, which writes a file) where it may
 * block: on a bounded elastic thread when called from a non-blocking one, right here
 * otherwise. If the bounded elastic threads refuse more work, it runs here after all: a
 * brief block is better than a lost audit event, and a request never fails because of it.
 */
final class OffEventLoop {

	private OffEventLoop() {
	}

	static Mono<Void> record(Runnable record) {
		Mono<Void> here = Mono.fromRunnable(record);
		if (!Schedulers.isInNonBlockingThread()) {
			return here;
		}
		return here.subscribeOn(Schedulers.boundedElastic())
			.onErrorResume(RejectedExecutionException.class, (rejected) -> here);
	}

}
