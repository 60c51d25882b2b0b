package dev.vantage.observability.autoconfigure.rum;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Serves the RUM script and beacon endpoint on Spring MVC, before Spring Security (the
 * endpoint is public by nature); reads at most one byte more than the body limit. CORS is
 * Spring's {@link DefaultCorsProcessor}, for the origins the intake allows.
 */
final class RumFilter extends OncePerRequestFilter {

	private static final CorsProcessor CORS = new DefaultCorsProcessor();

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
		String method = request.getMethod();
		if (this.endpoint.isScript(path)) {
			if (RumEndpoint.isScriptMethod(method)) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, this.endpoint.scriptCacheControl());
				if (new ServletWebRequest(request, response).checkNotModified(this.endpoint.scriptEtag())) {
					return;
				}
			}
			write(response, this.endpoint.script(method));
			return;
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		boolean crossOrigin = this.endpoint.isAllowedCrossOrigin(origin);
		if (method.equals("OPTIONS")) {
			if (!crossOrigin) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			}
			else if (CORS.processRequest(this.endpoint.cors(), request, response)) {
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			return;
		}
		if (crossOrigin && method.equals("POST") && !CORS.processRequest(this.endpoint.cors(), request, response)) {
			return;
		}
		RumEndpoint.Reply reply = this.endpoint.admit(method,
				new RumEndpoint.BeaconRequest(origin, request.getHeader(HttpHeaders.REFERER),
						request.getHeader(HttpHeaders.HOST), request.getRemoteAddr(),
						request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null,
						request.getContentLengthLong()));
		if (reply == null) {
			reply = this.endpoint.receive(request.getInputStream().readNBytes((int) this.endpoint.maxBodySize() + 1));
		}
		write(response, reply);
	}

	private static void write(HttpServletResponse response, RumEndpoint.Reply reply) throws IOException {
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
