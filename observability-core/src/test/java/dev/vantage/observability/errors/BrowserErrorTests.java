package dev.vantage.observability.errors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserErrorTests {

	@Test
	void messagesThatDifferOnlyInValuesAreOneGroup() {
		BrowserError first = BrowserError.of("Uncaught TypeError: Cannot read properties of undefined (reading 'price')",
				"    at renderCart (https://shop.example.com/assets/app.3f2a9c1b.js:10:5)");
		BrowserError second = BrowserError.of("TypeError: Cannot read properties of undefined (reading 'total')",
				"renderCart@https://cdn.example.com/assets/app.91bc77de.js?v=2:11:17");
		assertThat(first).isEqualTo(second);
		assertThat(first.name()).isEqualTo("TypeError");
		assertThat(first.message()).isEqualTo("Cannot read properties of undefined (reading ?)");
		assertThat(first.frame()).isEqualTo("renderCart /assets/app.js");
		assertThat(BrowserError.of("Order 1234 of user 5f3a2b99-1c2d-4e5f-8a9b-0c1d2e3f4a5b failed", "")
			.message()).isEqualTo("Order ? of user ? failed");
	}

	@Test
	void namesAreJavaScriptsOwnOrError() {
		assertThat(BrowserError.of("MyVeryOwnNameThatIsNotKnown: boom", "").name()).isEqualTo("Error");
		assertThat(BrowserError.of("ReferenceError: x is not defined", "").name()).isEqualTo("ReferenceError");
		assertThat(BrowserError.of(null, null)).isEqualTo(new BrowserError("Error", "", ""));
	}

	@Test
	void hostileInputIsBounded() {
		BrowserError error = BrowserError.of("x".repeat(100_000) + "\r\n", "\u0000".repeat(10_000));
		assertThat(error.message()).hasSizeLessThanOrEqualTo(BrowserError.MAX_LENGTH);
		assertThat(error.message()).doesNotContain("\r", "\n");
		assertThat(error.frame().length()).isLessThanOrEqualTo(BrowserError.MAX_LENGTH);
	}

	@Test
	void aBareLocationIsAFrame() {
		assertThat(BrowserError.of("Error: x", "https://shop.example.com/main.js:1:200").frame())
			.isEqualTo("/main.js");
	}

}
