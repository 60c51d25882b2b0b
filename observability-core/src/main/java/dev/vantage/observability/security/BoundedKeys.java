package dev.vantage.observability.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys of caller-given values (user names, addresses) in bounded memory: a value longer than
 * {@value #MAX_KEY_LENGTH} characters is kept as its SHA-256 digest, since a form login
 * accepts megabytes.
 */
final class BoundedKeys {

	static final int MAX_KEY_LENGTH = 128;

	private BoundedKeys() {
	}

	static String of(String kind, String value) {
		if (value.length() <= MAX_KEY_LENGTH) {
			return kind + value;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return kind + "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
