package dev.vantage.observability.autoconfigure.endpoints;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;

/**
 * Reactive Spring Security has no equivalent of the servlet
 * {@code WebInvocationPrivilegeEvaluator}: this passes an anonymous GET of the path, in
 * memory and never over the network, through the application's own security filter chains
 * and tells whether it came out at the handler.
 */
final class AnonymousExchange implements AnonymousAccess {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final WebFilterChainProxy security;

	AnonymousExchange(WebFilterChainProxy security) {
		this.security = security;
	}

	@Override
	public boolean allows(String path) {
		DefaultServerWebExchange exchange = new DefaultServerWebExchange(new Request(path), new Response(),
				new DefaultWebSessionManager(), ServerCodecConfigurer.create(), new AcceptHeaderLocaleContextResolver());
		AtomicBoolean reached = new AtomicBoolean();
		this.security.filter(exchange, (passed) -> {
			reached.set(true);
			return Mono.empty();
		})
			// A chain without exception translation refuses with an AccessDeniedException.
			.onErrorResume((ex) -> Mono.empty())
			.block(TIMEOUT);
		return reached.get();
	}

	private static final class Request extends AbstractServerHttpRequest {

		Request(String path) {
			super(HttpMethod.GET, URI.create("http://localhost" + path), "", new HttpHeaders());
		}

		@Override
		protected MultiValueMap<String, HttpCookie> initCookies() {
			return new LinkedMultiValueMap<>();
		}

		@Override
		protected @Nullable SslInfo initSslInfo() {
			return null;
		}

		/** Anyone: an address of no network of the application's (TEST-NET-1), never loopback. */
		@Override
		public InetSocketAddress getRemoteAddress() {
			return new InetSocketAddress("192.0.2.1", 0);
		}

		@Override
		public <T> T getNativeRequest() {
			throw new UnsupportedOperationException("an in-memory request has no native request");
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.empty();
		}

	}

	private static final class Response extends AbstractServerHttpResponse {

		Response() {
			super(DefaultDataBufferFactory.sharedInstance);
		}

		@Override
		public <T> T getNativeResponse() {
			throw new UnsupportedOperationException("an in-memory response has no native response");
		}

		@Override
		protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
			return Flux.from(body).doOnNext(DataBufferUtils::release).then();
		}

		@Override
		protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return Flux.from(body).flatMap(this::writeWithInternal).then();
		}

		@Override
		protected void applyStatusCode() {
		}

		@Override
		protected void applyHeaders() {
		}

		@Override
		protected void applyCookies() {
		}

	}

}
