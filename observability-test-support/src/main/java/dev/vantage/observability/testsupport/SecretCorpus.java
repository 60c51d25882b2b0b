package dev.vantage.observability.testsupport;

import java.util.List;

/**
 * Hostile texts of the kinds real services put in exception messages, log lines and audit
 * fields, each with what the masker must make of it and the secrets that must leave by no exit.
 */
public final class SecretCorpus {

	/**
	 * One text.
	 * @param input what the application wrote
	 * @param masked what every exit shows
	 * @param secrets what no exit may show
	 */
	public record Entry(String input, String masked, List<String> secrets) {
	}

	/** The corpus. */
	public static final List<Entry> ENTRIES = List.of(
			new Entry("login failed: password='hunter2'", "login failed: password='****'", List.of("hunter2")),
			new Entry("config secret: 'x y z' rejected", "config secret: '****' rejected", List.of("x y z")),
			new Entry("{\"password\": \"correct horse battery\"}", "{\"password\": \"****\"}",
					List.of("correct", "horse battery")),
			new Entry("Connection to postgres://admin:s3cretpw@db:5432/shop refused",
					"Connection to postgres://admin:****@db:5432/shop refused", List.of("s3cretpw")),
			new Entry("redis://:r3dispw@redis:6379 unreachable", "redis://:****@redis:6379 unreachable",
					List.of("r3dispw")),
			new Entry("call with api_key=AKIAIOSFODNN7EXAMPLE failed", "call with api_key=**** failed",
					List.of("AKIAIOSFODNN7EXAMPLE")),
			new Entry("X-Api-Key: 9f8e7d6c5b4a rejected", "X-Api-Key: **** rejected", List.of("9f8e7d6c5b4a")),
			new Entry("jdbc url user=sa;pwd=Pa55word;db=shop", "jdbc url user=sa;pwd=****;db=shop", List.of("Pa55word")),
			new Entry("passwd=letmein1 and credential=c-42", "passwd=**** and credential=****",
					List.of("letmein1", "c-42")),
			new Entry("Authorization: Bearer abc.def-ghi_jkl", "Authorization: Bearer ****", List.of("abc.def-ghi_jkl")),
			new Entry("upstream said Basic dXNlcjpwYXNz is wrong", "upstream said Basic **** is wrong",
					List.of("dXNlcjpwYXNz")),
			new Entry("Cookie: SESSION=a1b2c3; theme=dark", "Cookie: ****", List.of("a1b2c3")),
			new Entry("sessionId=7f3c9a1e expired", "sessionId=**** expired", List.of("7f3c9a1e")),
			new Entry("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl leaked", "token **** leaked",
					List.of("eyJhbGciOiJIUzI1NiJ9")),
			new Entry("mail to bob.smith+shop@mail.example.co.uk bounced", "mail to **** bounced",
					List.of("bob.smith", "mail.example.co.uk")),
			new Entry("card 4111 1111 1111 1111 declined", "card ****1111 declined", List.of("4111 1111")),
			new Entry("yaml:\n  client_secret: abc123def\n  name: shop", "yaml:\n  client_secret: ****\n  name: shop",
					List.of("abc123def")),
			new Entry("GET /pay?amount=5&access_token=tok-999&x=1", "GET /pay?amount=5&access_token=****&x=1",
					List.of("tok-999")),
			new Entry("{\\\"password\\\":\\\"in json\\\"}", "{\\\"password\\\":\\\"****\\\"}", List.of("in json")),
			new Entry("Ünïcödé password=pässwörd ok", "Ünïcödé password=**** ok", List.of("pässwörd")),
			new Entry("order 42 of user 7 failed: out of stock", "order 42 of user 7 failed: out of stock", List.of()));

	private SecretCorpus() {
	}

}
