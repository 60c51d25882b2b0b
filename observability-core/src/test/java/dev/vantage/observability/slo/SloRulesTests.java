package dev.vantage.observability.slo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SuppressWarnings("unchecked")
class SloRulesTests {

	@Test
	void thirtyDayObjectivePagesAndTicketsAtTheWorkbooksBurnRates() {
		String rules = new SloRules("shop", List.of(ServiceLevelObjectiveTests.latency("checkout", 99.9,
				Duration.ofMillis(300)))).prometheusRules();
		assertThat(rules).contains("(14.4 * 0.001)", "(6 * 0.001)", "(3 * 0.001)", "(1 * 0.001)");
		assertThat(rules).contains("slo:sli_error:ratio_rate1h{application=\"shop\", slo=\"checkout\"} > (14.4 * 0.001)",
				"slo:sli_error:ratio_rate5m{application=\"shop\", slo=\"checkout\"} > (14.4 * 0.001)",
				"slo:sli_error:ratio_rate3d{application=\"shop\", slo=\"checkout\"} > (1 * 0.001)");
		// The latency SLI reads the bucket at the threshold, exactly as the client writes it.
		assertThat(rules).contains("le=\"0.3\"", "uri=~\"/api/orders(/.*)?\"", "method=~\"POST\"");
		assertThat(rules).contains("record: slo:sli_error:ratio_rate30d", "record: slo:error_budget_remaining:ratio",
				"vector(0.999)", "slo:sli_error:ratio_rate30d{application=\"shop\", slo=\"checkout\"} / 0.001");
		assertThat(rules).contains("severity: critical", "severity: warning", "slo: checkout",
				"runbook_url: \"https://runbooks.example/slo\"");
	}

	@Test
	void otherWindowsKeepTheSharesOfTheBudget() {
		String rules = new SloRules("shop",
				List.of(ServiceLevelObjectiveTests.availability("api", 99, Duration.ofDays(28)))).prometheusRules();
		// 2 % of a 28-day budget in 1 hour is 13.44 times the sustainable rate; 10 % in 3 days, 0.9333.
		assertThat(rules).contains("(13.44 * 0.01)", "(5.6 * 0.01)", "(2.8 * 0.01)", "(0.9333333333 * 0.01)");
		assertThat(rules).contains("record: slo:sli_error:ratio_rate28d", "outcome=\"SERVER_ERROR\"",
				"uri!~\"/actuator(/.*)?\"");
	}

	@Test
	void everyRatioSumsOverInstancesOfItsApplication() {
		String rules = new SloRules("shop",
				List.of(ServiceLevelObjectiveTests.availability("api", 99, Duration.ofDays(28)))).prometheusRules();
		assertThat(rules.lines().filter((line) -> line.contains("rate(http_server_requests_seconds")))
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains("sum by (application) (rate(")
				.contains("{application=\"shop\", "));
	}

	@Test
	void routeTemplatesAreMatchedLiterally() {
		ServiceLevelObjective slo = new ServiceLevelObjective("orders", SloKind.AVAILABILITY, 99, Duration.ofDays(28),
				null, List.of("/orders/{id}", "/search.json"), List.of(), "r");
		assertThat(new SloRules("shop", List.of(slo)).prometheusRules())
			.contains("uri=~\"/orders/\\\\{id\\\\}|/search\\\\.json\"");
		RequestFilter filter = new RequestFilter(slo);
		assertThat(filter.counts("/orders/{id}", "GET")).isTrue();
		assertThat(filter.counts("/searchXjson", "GET")).isFalse();
	}

	@Test
	void paymentObjectiveCountsFailedPayments() {
		ServiceLevelObjective slo = new ServiceLevelObjective("payments", SloKind.PAYMENTS, 95, Duration.ofDays(7), null,
				List.of(), List.of(), "r");
		SloRules rules = new SloRules("shop", List.of(slo));
		assertThat(rules.prometheusRules()).contains("business_payments_seconds_count{application=\"shop\", outcome!=\"success\"}")
			.doesNotContain("http_server_requests");
		assertThat(rules.slothSpecification()).contains("version: \"prometheus/v1\"", "service: \"shop\"",
				"objective: 95", "[{{.window}}]");
	}

	@Test
	void applicationNameCannotBreakOutOfItsString() {
		String rules = new SloRules("a\"b",
				List.of(ServiceLevelObjectiveTests.availability("api", 99, Duration.ofDays(28)))).prometheusRules();
		assertThat(rules).contains("application=\"a\\\"b\"").doesNotContain("application=\"a\"b");
		assertThatIllegalArgumentException().isThrownBy(() -> new SloRules(" ", List.of()))
			.withMessageContaining("'application'");
	}

	@Test
	void theRulesParseBackToTheirModelWhateverTheApplicationIsCalled() {
		String application = "shop: \"eu\"\n# not a comment";
		SloRules slo = new SloRules(application,
				List.of(ServiceLevelObjectiveTests.availability("api", 99, Duration.ofDays(28))));
		Map<String, Object> rules = new Yaml().load(slo.prometheusRules());
		List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
		assertThat(groups).singleElement().satisfies((group) -> {
			assertThat(group.get("name")).isEqualTo("slo-api");
			List<Map<String, Object>> all = (List<Map<String, Object>>) group.get("rules");
			assertThat(all).first()
				.satisfies((rule) -> assertThat((Map<String, Object>) rule.get("labels")).containsEntry("application",
						application))
				.satisfies((rule) -> assertThat(rule.get("expr")).isEqualTo("vector(0.99)\n"));
			assertThat(all).filteredOn((rule) -> rule.containsKey("alert")).hasSize(2);
		});
		Map<String, Object> sloth = new Yaml().load(slo.slothSpecification());
		assertThat(sloth).containsEntry("version", "prometheus/v1").containsEntry("service", application);
		assertThat((List<?>) sloth.get("slos")).singleElement()
			.satisfies((one) -> assertThat((Map<String, Object>) one).containsEntry("objective", 99));
	}

	@Test
	void bucketIsWrittenAsThePrometheusClientWritesIt() {
		assertThat(SloRules.bucket(Duration.ofMillis(250))).isEqualTo("0.25");
		assertThat(SloRules.bucket(Duration.ofSeconds(1))).isEqualTo("1.0");
		assertThat(SloRules.duration(Duration.ofDays(28))).isEqualTo("28d");
		assertThat(SloRules.duration(Duration.ofMinutes(90))).isEqualTo("90m");
	}

}
