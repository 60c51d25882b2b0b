package dev.vantage.observability.errors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.vantage.observability.support.Arguments;

/**
 * Turns an {@link ErrorContext} into an {@link ErrorSample}: the query, headers and
 * breadcrumbs masked as messages are, the principal hashed, masked or left out.
 */
public final class ErrorSampler {

	/** The most characters kept of a query string or a header value, after masking. */
	public static final int VALUE_LENGTH = 256;

	private final String environment;

	private final Principal principal;

	/**
	 * Creates a sampler.
	 * @param environment the environment the application runs in
	 * @param principal how principals are shown
	 */
	public ErrorSampler(String environment, Principal principal) {
		this.environment = Arguments.requireNonNull(environment, "environment");
		this.principal = Arguments.requireNonNull(principal, "principal");
	}

	ErrorSample sample(ErrorContext context, long now, @Nullable String traceId, @Nullable String where, int status,
			String version, UnaryOperator<@Nullable String> maskMessage, UnaryOperator<String> maskText) {
		Map<String, String> headers = new LinkedHashMap<>();
		context.headers().forEach((name, value) -> headers.put(name, bounded(maskText.apply(value))));
		List<Breadcrumbs.Breadcrumb> breadcrumbs = (context.breadcrumbs() != null)
				? context.breadcrumbs().snapshot(maskMessage) : List.of();
		return new ErrorSample(now, traceId, context.method(), where, status,
				(context.query() != null) ? bounded(maskText.apply(context.query())) : null, headers, context.tenant(),
				this.principal.show(context.principal()), this.environment, version, breadcrumbs);
	}

	private static String bounded(String value) {
		return (value.length() > VALUE_LENGTH) ? value.substring(0, VALUE_LENGTH) + "..." : value;
	}

	/** How a sample shows who made the request. */
	public enum Principal {

		/** The first 16 hexadecimal digits of the name's SHA-256: the same user, not the name. */
		HASH {
			@Override
			String shown(String name) {
				try {
					byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
					return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
				}
				catch (NoSuchAlgorithmException ex) {
					throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
				}
			}
		},

		/** The name's first character, then {@code ****}. */
		MASK {
			@Override
			String shown(String name) {
				return name.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
						StringBuilder::append) + "****";
			}
		},

		/** Not at all. */
		NONE {
			@Override
			String shown(String name) {
				return null;
			}
		};

		abstract @Nullable String shown(String name);

		@Nullable String show(@Nullable String name) {
			return (name == null || name.isEmpty()) ? null : shown(name);
		}

	}

}
