package dev.vantage.observability.autoconfigure.security;

import java.io.IOException;

import dev.vantage.observability.security.SecurityEventRecorder;
import dev.vantage.observability.security.SuspiciousRequestDetector;
import dev.vantage.observability.support.ObserverFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reports requests whose path or query look like injection or path traversal. It observes
 * only: the request always continues unchanged.
 */
final class SuspiciousRequestFilter extends OncePerRequestFilter {

	private static final String COMPONENT = "suspicious request filter";

	private final SuspiciousRequestDetector detector;

	private final SecurityEventRecorder recorder;

	private final ObserverFailures failures;

	SuspiciousRequestFilter(SuspiciousRequestDetector detector, SecurityEventRecorder recorder,
			ObserverFailures failures) {
		this.detector = detector;
		this.recorder = recorder;
		this.failures = failures;
		failures.declare(COMPONENT);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Guarded without a lambda: this runs on every request.
		try {
			SuspiciousRequestDetector.Finding finding = this.detector.inspect(request.getRequestURI(),
					request.getQueryString());
			if (finding != null) {
				this.recorder.suspiciousRequest(finding, request.getMethod(), request.getRequestURI(),
						request.getQueryString(), request.getRemoteAddr(), request.getHeader("User-Agent"));
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.failed(COMPONENT, ex);
		}
		chain.doFilter(request, response);
	}

}
