package dev.vantage.sample.shop.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies: a declared length over the limit is refused with 413 before
 * anything reads it, and a chunked body fails with 413 as soon as it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimitFilter(@Value("${sample.max-request-size:16384}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"status\":413,\"title\":\"Payload Too Large\",\"detail\":\"request bodies are limited to "
						+ this.maxBytes + " bytes\"}");
			return;
		}
		chain.doFilter(new BoundedRequest(request, this.maxBytes), response);
	}

	/** Thrown when a streamed body passes the limit; answered with 413. */
	@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
	static class PayloadTooLargeException extends IOException {

		PayloadTooLargeException(long maxBytes) {
			super("request bodies are limited to " + maxBytes + " bytes");
		}

	}

	private static final class BoundedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		BoundedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0 && ++this.read > BoundedRequest.this.maxBytes) {
						throw new PayloadTooLargeException(BoundedRequest.this.maxBytes);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0) {
						this.read += n;
						if (this.read > BoundedRequest.this.maxBytes) {
							throw new PayloadTooLargeException(BoundedRequest.this.maxBytes);
						}
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}

			};
		}

	}

}
