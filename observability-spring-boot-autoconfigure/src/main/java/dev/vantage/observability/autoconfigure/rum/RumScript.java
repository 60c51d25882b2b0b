package dev.vantage.observability.autoconfigure.rum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The browser script, built once at startup: the pinned {@code web-vitals} library, then
 * Vantage's reporter with the configured paths.
 */
final class RumScript {

	/** The pinned copy of web-vitals' IIFE build (see {@code scripts/update-web-vitals.sh}). */
	static final String WEB_VITALS = "META-INF/vantage/web-vitals/web-vitals.iife.js";

	static final String REPORTER = "META-INF/vantage/rum/reporter.js";

	private final byte[] bytes;

	private final String etag;

	RumScript(String scriptPath, String beaconPath) {
		String config = "var vantageRum={\"script\":\"" + scriptPath + "\",\"beacon\":\"" + beaconPath + "\"};\n";
		String text = "/* web-vitals (Apache-2.0, https://github.com/GoogleChrome/web-vitals) */\n" + read(WEB_VITALS)
				+ "\n/* Vantage RUM reporter */\n(function () {\n" + config + read(REPORTER) + "})();\n";
		this.bytes = text.getBytes(StandardCharsets.UTF_8);
		this.etag = "\"" + HexFormat.of().formatHex(sha256(this.bytes), 0, 16) + "\"";
	}

	byte[] bytes() {
		return this.bytes;
	}

	String etag() {
		return this.etag;
	}

	private static String read(String resource) {
		try (InputStream in = RumScript.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replaceAll("(?m)^//# sourceMappingURL=.*$", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
