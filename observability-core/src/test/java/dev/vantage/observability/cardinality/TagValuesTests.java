package dev.vantage.observability.cardinality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TagValuesTests {

	@Test
	void cleanValueIsReturnedAsIs() {
		String value = "acme-shop";
		assertThat(TagValues.sanitize(value)).isSameAs(value);
	}

	@Test
	void controlCharactersAndLineSeparatorsAreRemoved() {
		assertThat(TagValues.sanitize("ac\r\nme\u0085\u2028\u2029\t\u0000")).isEqualTo("acme");
	}

	@Test
	void valueIsTrimmedAndCutTo64Characters() {
		assertThat(TagValues.sanitize("  acme  ")).isEqualTo("acme");
		assertThat(TagValues.sanitize("x".repeat(10_000))).hasSize(TagValues.MAX_LENGTH);
	}

	@Test
	void missingOrBlankValueIsNone() {
		assertThat(TagValues.sanitize(null)).isEqualTo("none");
		assertThat(TagValues.sanitize("")).isEqualTo("none");
		assertThat(TagValues.sanitize(" \r\n ")).isEqualTo("none");
	}

}
