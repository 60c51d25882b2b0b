package dev.vantage.observability.autoconfigure.rum;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
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
			return write(exchange, this.endpoint.script(method, request.getHeaders().getFirst("If-None-Match")));
		}
		String origin = request.getHeaders().getOrigin();
		InetSocketAddress remote = request.getRemoteAddress();
		String clientIp = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		RumEndpoint.Reply refused = this.endpoint.admit(method, origin, request.getHeaders().getFirst("Host"),
				clientIp, request.getHeaders().getContentLength());
		if (refused != null) {
			return DataBufferUtils.takeUntilByteCount(request.getBody(), DRAINED_BYTES)
				.doOnNext(DataBufferUtils::release)
				.then(Mono.defer(() -> write(exchange, refused)));
		}
		return DataBufferUtils.join(request.getBody(), (int) this.endpoint.maxBodySize() + 1)
			.map((buffer) -> this.endpoint.receive(bytes(buffer), origin))
			.switchIfEmpty(Mono.fromSupplier(() -> this.endpoint.receive(new byte[0], origin)))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.fromSupplier(() -> this.endpoint.tooLarge(origin)))
			.flatMap((reply) -> write(exchange, reply));
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
