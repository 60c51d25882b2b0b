package dev.vantage.observability.autoconfigure.rum;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The reactive twin of the RUM filter: the same answers, the body joined up to one byte
 * over the limit; recording a beacon only updates meters, so it stays on the event loop.
 * A beacon refused before its body is read has up to {@value #DRAINED_BYTES} bytes of its
 * body read and discarded first, as Tomcat swallows them: a connection closed with unread
 * bytes is reset, and the client then loses the answer.
 */
final class RumWebFilter implements WebFilter {

	/** What is drained of a refused body: a {@code sendBeacon} body is at most 64 KiB. */
	static final int DRAINED_BYTES = 64 * 1024;

	private static final CorsProcessor CORS = new DefaultCorsProcessor();

	private final RumEndpoint endpoint;

	RumWebFilter(RumEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		boolean script = this.endpoint.isScript(path);
		if (!script && !this.endpoint.isBeacon(path)) {
			return chain.filter(exchange);
		}
		ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.ifPresent((context) -> context.setPathPattern(path));
		String method = request.getMethod().name();
		if (script) {
			if (RumEndpoint.isScriptMethod(method)) {
				exchange.getResponse().getHeaders().setCacheControl(this.endpoint.scriptCacheControl());
				if (exchange.checkNotModified(this.endpoint.scriptEtag())) {
					return exchange.getResponse().setComplete();
				}
			}
			return write(exchange, this.endpoint.script(method));
		}
		String origin = request.getHeaders().getOrigin();
		boolean crossOrigin = this.endpoint.isAllowedCrossOrigin(origin);
		if (method.equals("OPTIONS")) {
			if (!crossOrigin) {
				exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
			}
			else if (CORS.process(this.endpoint.cors(), exchange)) {
				exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
			}
			return exchange.getResponse().setComplete();
		}
		if (crossOrigin && method.equals("POST") && !CORS.process(this.endpoint.cors(), exchange)) {
			return drained(exchange, exchange.getResponse().setComplete());
		}
		InetSocketAddress remote = request.getRemoteAddress();
		String clientIp = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		HttpHeaders headers = request.getHeaders();
		RumEndpoint.Reply refused = this.endpoint.admit(method,
				new RumEndpoint.BeaconRequest(origin, headers.getFirst(HttpHeaders.REFERER), headers.getFirst("Host"),
						clientIp, headers.containsHeader("X-Forwarded-For") || headers.containsHeader("Forwarded"),
						headers.getContentLength()));
		if (refused != null) {
			return drained(exchange, Mono.defer(() -> write(exchange, refused)));
		}
		return DataBufferUtils.join(request.getBody(), (int) this.endpoint.maxBodySize() + 1)
			.map((buffer) -> this.endpoint.receive(bytes(buffer)))
			.switchIfEmpty(Mono.fromSupplier(() -> this.endpoint.receive(new byte[0])))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.fromSupplier(this.endpoint::tooLarge))
			.flatMap((reply) -> write(exchange, reply));
	}

	/** Answers after up to {@value #DRAINED_BYTES} bytes of the body are read and discarded. */
	private static Mono<Void> drained(ServerWebExchange exchange, Mono<Void> answer) {
		return DataBufferUtils.takeUntilByteCount(exchange.getRequest().getBody(), DRAINED_BYTES)
			.doOnNext(DataBufferUtils::release)
			.then(answer);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Mono<Void> write(ServerWebExchange exchange, RumEndpoint.Reply reply) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(reply.status()));
		reply.headers().forEach((name, value) -> response.getHeaders().set(name, value));
		if (reply.body().length == 0) {
			return response.setComplete();
		}
		response.getHeaders().setContentLength(reply.body().length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(reply.body())));
	}

}
