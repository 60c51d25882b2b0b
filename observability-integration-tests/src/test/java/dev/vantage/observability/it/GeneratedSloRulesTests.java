package dev.vantage.observability.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.vantage.observability.slo.ServiceLevelObjective;
import dev.vantage.observability.slo.SloKind;
import dev.vantage.observability.slo.SloRules;
import dev.vantage.observability.testsupport.ExternalBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules Vantage generates from two objectives, run by the real promtool: lint-clean, each
 * page and ticket alert fires on a burn that should page or ticket and stays quiet under
 * budget, requests an objective does not count never burn it, and the error budget left over
 * a whole window is what the arithmetic says.
 */
class GeneratedSloRulesTests {

	private static final String RUNBOOK = "https://runbooks.example/slo";

	/** Every route but the actuator's, 99.9 % over 30 days: pages at 14.4x, tickets at 3x. */
	private static final ServiceLevelObjective AVAILABILITY = new ServiceLevelObjective("api", SloKind.AVAILABILITY, 99.9,
			Duration.ofDays(30), null, List.of(), List.of(), RUNBOOK);

	/** POST /api/orders within 300 ms, 99 % over 28 days: pages at 13.44x, tickets at 2.8x. */
	private static final ServiceLevelObjective LATENCY = new ServiceLevelObjective("checkout", SloKind.LATENCY, 99,
			Duration.ofDays(28), Duration.ofMillis(300), List.of("/api/orders"), List.of("POST"), RUNBOOK);

	private static final String REQUESTS = "http_server_requests_seconds_count{application=\"shop\",instance=\"%s\","
			+ "method=\"%s\",outcome=\"%s\",status=\"%s\",uri=\"%s\"}";

	private static final String BUCKET = "http_server_requests_seconds_bucket{application=\"shop\",instance=\"%s\","
			+ "le=\"%s\",method=\"%s\",outcome=\"SUCCESS\",status=\"200\",uri=\"%s\"}";

	@TempDir
	Path directory;

	@Test
	void generatedRulesAreLintCleanAndPageTicketOrStayQuietAsTheBurnRateSays() throws Exception {
		Path promtool = ExternalBinary.require("promtool", "prometheus");
		Path rules = Files.writeString(this.directory.resolve("slo.rules.yml"),
				new SloRules("shop", List.of(AVAILABILITY, LATENCY)).prometheusRules());
		ExternalBinary.run(promtool.toString(), "check", "rules", "--lint=all", "--lint-fatal", rules.toString());
		Path burns = Files.writeString(this.directory.resolve("burns.test.yml"), """
				rule_files:
				  - slo.rules.yml
				evaluation_interval: 1m
				tests:
				  - name: 10 %% errors over two instances pages and tickets
				    interval: 1m
				    input_series:
				      - series: '%s'
				        values: 0+45x80
				      - series: '%s'
				        values: 0+45x80
				      - series: '%s'
				        values: 0+10x80
				    alert_rule_test:
				      - eval_time: 70m
				        alertname: SloErrorBudgetBurnFast
				        exp_alerts:
				          - exp_labels: {application: shop, slo: api, severity: critical}
				            exp_annotations: %s
				      - eval_time: 70m
				        alertname: SloErrorBudgetBurnSlow
				        exp_alerts:
				          - exp_labels: {application: shop, slo: api, severity: warning}
				            exp_annotations: %s
				  - name: 0.5 %% errors burns at 5x, a ticket and no page
				    interval: 1m
				    input_series:
				      - series: '%s'
				        values: 0+995x200
				      - series: '%s'
				        values: 0+5x200
				    alert_rule_test:
				      - eval_time: 150m
				        alertname: SloErrorBudgetBurnFast
				        exp_alerts: []
				      - eval_time: 150m
				        alertname: SloErrorBudgetBurnSlow
				        exp_alerts:
				          - exp_labels: {application: shop, slo: api, severity: warning}
				            exp_annotations: %s
				  - name: 0.05 %% errors is under budget, and actuator errors never count
				    interval: 1m
				    input_series:
				      - series: '%s'
				        values: 0+1999x200
				      - series: '%s'
				        values: 0+1x200
				      - series: '%s'
				        values: 0+500x200
				    alert_rule_test:
				      - eval_time: 150m
				        alertname: SloErrorBudgetBurnFast
				        exp_alerts: []
				      - eval_time: 150m
				        alertname: SloErrorBudgetBurnSlow
				        exp_alerts: []
				  - name: 20 %% of order placements over 300 ms pages; slow GETs do not count
				    interval: 1m
				    input_series:
				      - series: '%s'
				        values: 0+100x80
				      - series: '%s'
				        values: 0+80x80
				      - series: '%s'
				        values: 0+100x80
				      - series: '%s'
				        values: 0+0x80
				    alert_rule_test:
				      - eval_time: 70m
				        alertname: SloErrorBudgetBurnFast
				        exp_alerts:
				          - exp_labels: {application: shop, slo: checkout, severity: critical}
				            exp_annotations: %s
				  - name: slow GETs alone leave the order placement objective quiet
				    interval: 1m
				    input_series:
				      - series: '%s'
				        values: 0+100x200
				      - series: '%s'
				        values: 0+100x200
				      - series: '%s'
				        values: 0+100x200
				      - series: '%s'
				        values: 0+0x200
				    alert_rule_test:
				      - eval_time: 150m
				        alertname: SloErrorBudgetBurnFast
				        exp_alerts: []
				      - eval_time: 150m
				        alertname: SloErrorBudgetBurnSlow
				        exp_alerts: []
				""".formatted(
				// 10 % errors, spread over two instances
				requests("a:8080", "GET", "SUCCESS", "200", "/api/products"),
				requests("b:8080", "GET", "SUCCESS", "200", "/api/products"),
				requests("b:8080", "GET", "SERVER_ERROR", "500", "/api/products"),
				annotations(true, AVAILABILITY, "14.4x over 1h and 5m or 6x over 6h and 30m", "10%"),
				annotations(false, AVAILABILITY, "3x over 1d and 2h or 1x over 3d and 6h", "10%"),
				// 0.5 % errors
				requests("a:8080", "GET", "SUCCESS", "200", "/api/products"),
				requests("a:8080", "GET", "SERVER_ERROR", "500", "/api/products"),
				annotations(false, AVAILABILITY, "3x over 1d and 2h or 1x over 3d and 6h", "0.5%"),
				// 0.05 % errors, actuator errors
				requests("a:8080", "GET", "SUCCESS", "200", "/api/products"),
				requests("a:8080", "GET", "SERVER_ERROR", "500", "/api/products"),
				requests("a:8080", "GET", "SERVER_ERROR", "503", "/actuator/health"),
				// 20 % slow POSTs, slow GETs
				requests("a:8080", "POST", "SUCCESS", "200", "/api/orders"),
				bucket("a:8080", "0.3", "POST", "/api/orders"),
				requests("a:8080", "GET", "SUCCESS", "200", "/api/orders"),
				bucket("a:8080", "0.3", "GET", "/api/orders"),
				annotations(true, LATENCY, "13.44x over 1h and 5m or 5.6x over 6h and 30m", "20%"),
				// slow GETs only
				requests("a:8080", "POST", "SUCCESS", "200", "/api/orders"),
				bucket("a:8080", "0.3", "POST", "/api/orders"),
				requests("a:8080", "GET", "SUCCESS", "200", "/api/orders"),
				bucket("a:8080", "0.3", "GET", "/api/orders")));
		ExternalBinary.run(promtool.toString(), "test", "rules", burns.toString());
	}

	@Test
	void errorBudgetLeftOverTheWholeWindowIsWhatTheArithmeticSays() throws Exception {
		Path promtool = ExternalBinary.require("promtool", "prometheus");
		Files.writeString(this.directory.resolve("slo.rules.yml"),
				new SloRules("shop", List.of(AVAILABILITY, LATENCY)).prometheusRules());
		// Hourly samples over the whole window: 10 errors in 40,000 requests (products and orders)
		// spend a quarter of a 0.1 % budget;
		// 0.5 % slow order placements half of a 1 % budget.
		Path budget = Files.writeString(this.directory.resolve("budget.test.yml"), """
				rule_files:
				  - slo.rules.yml
				evaluation_interval: 1h
				tests:
				  - name: error budget left after a whole window
				    interval: 1h
				    input_series:
				      - series: '%s'
				        values: 0+37990x721
				      - series: '%s'
				        values: 0+10x721
				      - series: '%s'
				        values: 0+2000x721
				      - series: '%s'
				        values: 0+1990x721
				    promql_expr_test:
				      - expr: round(slo:error_budget_remaining:ratio, 0.0001)
				        eval_time: 30d
				        exp_samples:
				          - labels: '{application="shop", slo="api"}'
				            value: 0.75
				          - labels: '{application="shop", slo="checkout"}'
				            value: 0.5
				      - expr: slo:objective:ratio
				        eval_time: 1d
				        exp_samples:
				          - labels: 'slo:objective:ratio{application="shop", slo="api"}'
				            value: 0.999
				          - labels: 'slo:objective:ratio{application="shop", slo="checkout"}'
				            value: 0.99
				""".formatted(requests("a:8080", "GET", "SUCCESS", "200", "/api/products"),
				requests("a:8080", "GET", "SERVER_ERROR", "500", "/api/products"),
				requests("a:8080", "POST", "SUCCESS", "200", "/api/orders"),
				bucket("a:8080", "0.3", "POST", "/api/orders")));
		ExternalBinary.run(promtool.toString(), "test", "rules", budget.toString());
	}

	private static String requests(String instance, String method, String outcome, String status, String uri) {
		return REQUESTS.formatted(instance, method, outcome, status, uri);
	}

	private static String bucket(String instance, String le, String method, String uri) {
		return BUCKET.formatted(instance, le, method, uri);
	}

	/** The annotations the generated alert carries, as a YAML flow mapping. */
	private static String annotations(boolean page, ServiceLevelObjective slo, String rates, String value) {
		String what = (slo.kind() == SloKind.LATENCY) ? "requests answered within 300 ms" : "requests answered without a 5xx";
		String summary = page ? "SLO " + slo.name() + " burns its error budget fast enough to run out within days."
				: "SLO " + slo.name() + " burns its error budget faster than it can last its window.";
		String description = "shop: SLO " + slo.name() + ": " + number(slo.objective()) + " % of " + what + " over "
				+ slo.window().toDays() + "d; its error ratio exceeds " + rates + " the sustainable burn rate (now " + value
				+ ").";
		return "{summary: '" + summary + "', description: '" + description + "', runbook_url: '" + RUNBOOK + "'}";
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
