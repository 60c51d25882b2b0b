package dev.vantage.observability.audit;

import java.util.List;

import dev.vantage.observability.testsupport.SecretCorpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditMaskerTests {

	private final AuditMasker masker = new AuditMasker(AuditMasker.DEFAULT_MASKED_KEYS, false);

	@Test
	void everyDefaultKeyIsMaskedWhateverItsSpelling() {
		for (String key : new String[] { "password", "user_password", "clientSecret", "access_token", "Authorization",
				"card_number", "cardNumber", "card-number", "cvv", "IBAN" }) {
			assertThat(this.masker.mask(key, "hunter2")).as(key).isEqualTo(AuditMasker.MASK);
		}
		assertThat(this.masker.mask("order_id", "1042")).isEqualTo("1042");
	}

	@Test
	void cardNumbersInFreeTextKeepTheirLastFourDigits() {
		assertThat(this.masker.mask("paid with 4111 1111 1111 1111 yesterday")).isEqualTo("paid with ****1111 yesterday");
		assertThat(this.masker.mask("pan=5500-0000-0000-0004;")).isEqualTo("pan=****0004;");
		assertThat(this.masker.mask("4111111111111111")).isEqualTo("****1111");
	}

	@Test
	void freeTextLosesAddressesCredentialsTokensAndMaskedPairs() {
		assertThat(this.masker.maskText("mail bob.smith+shop@mail.example.co.uk failed, api_token: s3cr3t; "
				+ "\"cardNumber\":\"4111-1111-1111-1111\", Authorization Basic dXNlcjpwYXNz, "
				+ "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", 1000))
			.isEqualTo("mail **** failed, api_token: ****; \"cardNumber\":\"****\", Authorization Basic ****, jwt ****");
		assertThat(this.masker.maskText("order 42 of user 7 failed", 1000)).isEqualTo("order 42 of user 7 failed");
		assertThat(this.masker.maskText("x".repeat(50), 10)).isEqualTo("xxxxxxxxxx...");
		assertThat(this.masker.maskText(null, 10)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> this.masker.maskText("x", 0))
			.withMessageContaining("'maxLength'");
	}

	@Test
	void shortNumbersAndLongerRunsAreNotCardNumbers() {
		assertThat(this.masker.mask("order 1042, phone 0612345678")).isEqualTo("order 1042, phone 0612345678");
		assertThat(this.masker.mask("x".repeat(5000))).hasSize(AuditMasker.MAX_VALUE_LENGTH + 3);
	}

	@Test
	void clientAddressIsAnonymisedWhenConfigured() {
		AuditMasker anonymizing = new AuditMasker(AuditMasker.DEFAULT_MASKED_KEYS, true);
		assertThat(anonymizing.clientIp("203.0.113.77")).isEqualTo("203.0.113.0");
		assertThat(anonymizing.clientIp("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::");
		assertThat(this.masker.clientIp("203.0.113.77")).isEqualTo("203.0.113.77");
	}

	@Test
	void hostileCorpusIsMaskedOnEveryEntry() {
		for (SecretCorpus.Entry entry : SecretCorpus.ENTRIES) {
			assertThat(this.masker.maskText(entry.input(), 100_000)).as(entry.input()).isEqualTo(entry.masked());
		}
	}

	@Test
	void maskingAMegabyteTakesLinearTime() {
		// Inputs that make a backtracking pattern quadratic: long word runs, keys without values, many '@'.
		List<String> hostile = List.of("a".repeat(1_000_000) + "@", "password ".repeat(110_000),
				"a@".repeat(500_000), "eyJ".repeat(330_000), "x://".repeat(250_000), "password=\"".repeat(100_000));
		for (String text : hostile) {
			long started = System.nanoTime();
			String masked = this.masker.maskText(text, 2_000_000);
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(masked).isNotNull();
			assertThat(millis).as("masking %s... of %d characters", text.substring(0, 12), text.length())
				.isLessThan(5_000);
		}
	}

}
