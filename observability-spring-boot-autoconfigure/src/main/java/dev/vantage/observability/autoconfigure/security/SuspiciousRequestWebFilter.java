package dev.vantage.observability.autoconfigure.security;

import java.net.InetSocketAddress;

import dev.vantage.observability.security.SecurityEventRecorder;
import dev.vantage.observability.security.SuspiciousRequestDetector;
import dev.vantage.observability.support.ObserverFailures;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The reactive twin of the suspicious-request filter: the same detector and fast path on
 * the event loop (a scan of the path and query, nothing that blocks); a finding is recorded
 * (meter and audit line, a file write) on a bounded elastic thread, never on the event loop.
 * It observes only: the exchange always continues unchanged.
 */
final class SuspiciousRequestWebFilter implements WebFilter {

	private static final String COMPONENT = "suspicious request filter";

	private final SuspiciousRequestDetector detector;

	private final SecurityEventRecorder recorder;

	private final ObserverFailures failures;

	SuspiciousRequestWebFilter(SuspiciousRequestDetector detector, SecurityEventRecorder recorder,
			ObserverFailures failures) {
		this.detector = detector;
		this.recorder = recorder;
		this.failures = failures;
		failures.declare(COMPONENT);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().value();
		String query = request.getURI().getRawQuery();
		SuspiciousRequestDetector.Finding finding = inspect(path, query);
		if (finding == null) {
			return chain.filter(exchange);
		}
		InetSocketAddress remote = request.getRemoteAddress();
		String clientIp = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
		return OffEventLoop.record(() -> this.failures.run(COMPONENT, () -> this.recorder.suspiciousRequest(finding,
				request.getMethod().name(), path, query, clientIp, request.getHeaders().getFirst("User-Agent"))))
			.then(chain.filter(exchange));
	}

	/** Guarded without a lambda: this runs on every request. */
	private SuspiciousRequestDetector.@Nullable Finding inspect(String path, @Nullable String query) {
		try {
			return this.detector.inspect(path, query);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.failed(COMPONENT, ex);
			return null;
		}
	}

}
