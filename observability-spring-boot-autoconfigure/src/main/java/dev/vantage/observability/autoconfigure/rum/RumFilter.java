package dev.vantage.observability.autoconfigure.rum;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Serves the RUM script and beacon endpoint on Spring MVC, before Spring Security (the
 * endpoint is public by nature); reads at most one byte more than the body limit.
 */
final class RumFilter extends OncePerRequestFilter {

	private final RumEndpoint endpoint;

	RumFilter(RumEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return !this.endpoint.isBeacon(path) && !this.endpoint.isScript(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = path(request);
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(path));
		RumEndpoint.Reply reply;
		if (this.endpoint.isScript(path)) {
			reply = this.endpoint.script(request.getMethod(), request.getHeader("If-None-Match"));
		}
		else {
			String origin = request.getHeader("Origin");
			reply = this.endpoint.admit(request.getMethod(), origin, request.getHeader("Host"),
					request.getRemoteAddr(), request.getContentLengthLong());
			if (reply == null) {
				byte[] body = request.getInputStream().readNBytes((int) this.endpoint.maxBodySize() + 1);
				reply = this.endpoint.receive(body, origin);
			}
		}
		response.setStatus(reply.status());
		for (Map.Entry<String, String> header : reply.headers().entrySet()) {
			response.setHeader(header.getKey(), header.getValue());
		}
		if (reply.body().length > 0) {
			response.setContentLength(reply.body().length);
			response.getOutputStream().write(reply.body());
		}
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
