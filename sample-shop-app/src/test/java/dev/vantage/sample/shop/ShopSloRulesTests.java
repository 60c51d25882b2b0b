package dev.vantage.sample.shop;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's SLO rules in {@code alert-rules/} are generated from its
 * {@code observability.slo.*} properties, never kept by hand: this test fails when the
 * checked-in file differs from what the running shop serves. Regenerate it with
 * {@code ./mvnw -pl sample-shop-app -am test -Dtest=ShopSloRulesTests -Dsurefire.failIfNoSpecifiedTests=false -Dslo.rules.write=true}
 * (or {@code curl -u admin:admin localhost:8080/actuator/slo/rules > alert-rules/slo.rules.yml}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "observability.audit.file=target/slo-rules-test/audit.json")
class ShopSloRulesTests {

	private static final Path RULES = Path.of("..").toAbsolutePath().normalize().resolve("alert-rules/slo.rules.yml");

	@LocalServerPort
	private int port;

	@Test
	void checkedInSloRulesAreWhatTheShopGenerates() throws IOException {
		HttpResponse<String> served = new ShopClient(this.port).get("acme", "/actuator/slo/rules", "admin", "admin");
		assertThat(served.statusCode()).isEqualTo(200);
		if (Boolean.getBoolean("slo.rules.write")) {
			Files.writeString(RULES, served.body());
		}
		assertThat(Files.readString(RULES))
			.as("alert-rules/slo.rules.yml must be what the shop's observability.slo.* generate; regenerate it "
					+ "with -Dslo.rules.write=true (see this test's Javadoc)")
			.isEqualTo(served.body());
		assertThat(served.body()).contains("- name: slo-availability\n", "- name: slo-checkout-latency\n",
				"- name: slo-payments\n", "le=\"0.3\"", "application=\"sample-shop\"");
	}

	@Test
	void objectivesAndTheirRulesAreForTheAdminOnly() {
		ShopClient shop = new ShopClient(this.port);
		assertThat(shop.get("acme", "/actuator/slo", null, null).statusCode()).isEqualTo(401);
		assertThat(shop.get("acme", "/actuator/slo/rules", "prometheus", "prometheus").statusCode()).isEqualTo(403);
		assertThat(shop.get("acme", "/actuator/slo", "admin", "admin").body()).contains("\"name\":\"checkout-latency\"",
				"\"objective\":99.0", "\"scope\":\"process-local");
	}

}
