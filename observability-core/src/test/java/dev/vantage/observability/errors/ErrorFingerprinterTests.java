package dev.vantage.observability.errors;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorFingerprinterTests {

	private final ErrorFingerprinter fingerprinter = new ErrorFingerprinter(List.of("com.example.shop"));

	@Test
	void isTheDocumentedHashOfTypesAndApplicationFrames() {
		Throwable error = error(new IllegalStateException("order 17 failed", new java.io.IOException("disk")),
				frame("com.example.shop.Checkout", "pay", 42), frame("org.springframework.Web", "invoke", 7),
				frame("com.example.shop.CheckoutController", "post", 12));
		error.getCause().setStackTrace(new StackTraceElement[] { frame("java.io.File", "write", 1),
				frame("com.example.shop.Receipts", "store", 9) });
		String canonical = "java.lang.IllegalStateException\njava.io.IOException\n"
				+ "com.example.shop.Checkout#pay\ncom.example.shop.CheckoutController#post\n"
				+ "com.example.shop.Receipts#store\n";
		assertThat(hex(error)).isEqualTo(ErrorFingerprinter.hex(fnv1a(canonical))).hasSize(12);
	}

	@Test
	void ignoresMessagesLineNumbersLambdaNumbersAndProxies() {
		Throwable first = error(new IllegalStateException("order 17 failed"), frame("com.example.shop.Checkout", "pay", 42),
				frame("com.example.shop.Checkout", "lambda$pay$3", 50));
		Throwable second = error(new IllegalStateException("order 99 failed for 'x'"),
				frame("com.example.shop.Checkout", "pay", 44),
				frame("com.example.shop.Checkout$$SpringCGLIB$$0", "pay", -1),
				frame("com.example.shop.Checkout$$Lambda/0x000001f2", "lambda$pay$7", 51));
		assertThat(hex(first)).isEqualTo(hex(second));
	}

	@Test
	void recursionDepthDoesNotMakeANewGroup() {
		StackTraceElement recurse = frame("com.example.shop.Tree", "walk", 3);
		assertThat(hex(error(new StackOverflowError(), recurse, recurse, recurse)))
			.isEqualTo(hex(error(new StackOverflowError(), recurse)));
	}

	@Test
	void twoCodePathsAreTwoGroups() {
		assertThat(hex(error(new IllegalStateException(), frame("com.example.shop.Checkout", "pay", 1))))
			.isNotEqualTo(hex(error(new IllegalStateException(), frame("com.example.shop.Refunds", "refund", 1))));
		assertThat(hex(error(new IllegalStateException(), frame("com.example.shop.Checkout", "pay", 1))))
			.isNotEqualTo(hex(error(new IllegalArgumentException(), frame("com.example.shop.Checkout", "pay", 1))));
	}

	@Test
	void withoutApplicationFramesTheRootCausesTopFrameDecides() {
		Throwable parse = error(new IllegalArgumentException(), frame("tools.jackson.Parser", "read", 1));
		Throwable bind = error(new IllegalArgumentException(), frame("org.springframework.Binder", "bind", 1));
		assertThat(hex(parse)).isNotEqualTo(hex(bind));
		assertThat(new ErrorFingerprinter(List.of()).isApplicationClass("com.example.shop.Checkout")).isFalse();
	}

	@Test
	void aCauseThatIsItselfEndsTheChain() {
		Throwable selfCaused = new Throwable() {

			@Override
			public synchronized Throwable getCause() {
				return this;
			}

		};
		assertThat(hex(selfCaused)).hasSize(12);
	}

	@Test
	void realCodeHasTheSameFingerprintInAnotherJvm() throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), FingerprintInAnotherJvm.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(output).isEqualTo(FingerprintInAnotherJvm.fingerprint()).hasSize(ErrorFingerprinter.LENGTH);
	}

	@Test
	void parsesWhatItWrites() {
		long id = ErrorFingerprinter.fingerprint("key");
		assertThat(ErrorFingerprinter.parse(ErrorFingerprinter.hex(id))).isEqualTo(id);
		assertThat(ErrorFingerprinter.parse("nothex-12345")).isEqualTo(-1);
		assertThat(ErrorFingerprinter.parse("abc")).isEqualTo(-1);
		assertThat(ErrorFingerprinter.hex(1)).isEqualTo("000000000001");
	}

	private String hex(Throwable error) {
		return ErrorFingerprinter.hex(this.fingerprinter.fingerprint(error, ThrowableAccess.THROWABLES));
	}

	static Throwable error(Throwable error, StackTraceElement... frames) {
		error.setStackTrace(frames);
		return error;
	}

	static StackTraceElement frame(String className, String method, int line) {
		return new StackTraceElement(className, method, className.substring(className.lastIndexOf('.') + 1) + ".java",
				line);
	}

	/** The documented algorithm, written out independently: FNV-1a 64 over UTF-16 units, 48 bits. */
	private static long fnv1a(String text) {
		long hash = 0xcbf29ce484222325L;
		for (char c : text.toCharArray()) {
			hash ^= c;
			hash *= 0x100000001b3L;
		}
		return hash & 0xffffffffffffL;
	}

}
