package dev.vantage.observability.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vantage.observability.testsupport.ExternalBinary;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped alerting and recording rules and the Alertmanager configuration, checked by
 * the real promtool and amtool, and held to the project's conventions.
 */
class AlertRulesTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path RULES = ROOT.resolve("alert-rules/vantage.rules.yml");

	private static final Path RULE_TESTS = ROOT.resolve("alert-rules/tests/vantage.rules.test.yml");

	private static final Path ALERTMANAGER = ROOT.resolve("alert-rules/alertmanager.yml");

	@Test
	void rulesAreLintCleanAndEveryUnitTestPasses() throws Exception {
		Path promtool = ExternalBinary.require("promtool", "prometheus");
		ExternalBinary.run(promtool.toString(), "check", "rules", "--lint=all", "--lint-fatal", RULES.toString());
		ExternalBinary.run(promtool.toString(), "test", "rules", RULE_TESTS.toString());
	}

	@Test
	void everyAlertFollowsTheConventions() throws IOException {
		List<Map<String, Object>> alerts = alerts();
		assertThat(alerts).hasSizeGreaterThanOrEqualTo(20);
		for (Map<String, Object> alert : alerts) {
			String name = (String) alert.get("alert");
			Map<?, ?> labels = (Map<?, ?>) alert.get("labels");
			Map<?, ?> annotations = (Map<?, ?>) alert.get("annotations");
			assertThat(name).as("CamelCase name").matches("([A-Z][a-z0-9]*)+|[A-Z][A-Za-z0-9]+");
			assertThat(labels.get("severity")).as(name + " severity").isIn("critical", "warning", "info");
			assertThat((String) annotations.get("summary")).as(name + " summary").isNotBlank().doesNotContain("{{").endsWith(".");
			assertThat((String) annotations.get("description")).as(name + " description").isNotBlank();
			if (!name.equals("Watchdog")) {
				assertThat((String) annotations.get("description")).as(name + " description is templated").contains("{{ $labels.application }}");
			}
			Path runbook = ROOT.resolve((String) annotations.get("runbook_url"));
			assertThat(runbook).as(name + " runbook").exists();
			assertThat(Files.readString(runbook)).contains("## What it means", "## How to confirm", "## How to mitigate");
		}
	}

	@Test
	void everyAlertHasAUnitTestThatFiresAndOneThatDoesNot() throws IOException {
		Map<String, Object> tests = new Yaml().load(Files.readString(RULE_TESTS));
		Set<String> fires = new HashSet<>();
		Set<String> staysQuiet = new HashSet<>();
		for (Object test : (List<?>) tests.get("tests")) {
			for (Object check : (List<?>) ((Map<?, ?>) test).get("alert_rule_test")) {
				Map<?, ?> ruleTest = (Map<?, ?>) check;
				String name = (String) ruleTest.get("alertname");
				(((List<?>) ruleTest.get("exp_alerts")).isEmpty() ? staysQuiet : fires).add(name);
			}
		}
		Set<String> names = new HashSet<>();
		alerts().forEach((alert) -> names.add((String) alert.get("alert")));
		assertThat(fires).containsAll(names);
		names.remove("Watchdog");
		assertThat(staysQuiet).as("alerts with a case that must not fire").containsAll(names);
	}

	/** The burn-rate factors are the share of a 30-day budget spent in a window, divided by the window. */
	@Test
	void burnRateFactorsFollowFromObjectiveWindowAndBudgetShare() throws IOException {
		String rules = Files.readString(RULES);
		Matcher objective = Pattern.compile("record: vantage:availability_objective:ratio\\s+expr: vector\\(([0-9.]+)\\)")
			.matcher(rules);
		assertThat(objective.find()).isTrue();
		assertThat(Double.parseDouble(objective.group(1))).isEqualTo(0.999);
		Map<String, Double> factors = new LinkedHashMap<>();
		Matcher burn = Pattern.compile("errors:rate(\\w+) / application:http_server_requests:rate\\w+\\s*"
				+ "> on \\(\\) group_left \\(\\) \\(([0-9.]+) \\* \\(1 - vantage:availability_objective:ratio\\)\\)")
			.matcher(rules);
		while (burn.find()) {
			factors.putIfAbsent(burn.group(1), Double.parseDouble(burn.group(2)));
		}
		Duration period = Duration.ofDays(30);
		assertThat(factors.get("1h")).isCloseTo(factor(0.02, period, Duration.ofHours(1)), within());
		assertThat(factors.get("6h")).isCloseTo(factor(0.05, period, Duration.ofHours(6)), within());
		assertThat(factors.get("1d")).isCloseTo(factor(0.10, period, Duration.ofDays(1)), within());
		assertThat(factors.get("3d")).isCloseTo(factor(0.10, period, Duration.ofDays(3)), within());
		assertThat(factors).containsEntry("5m", factors.get("1h"))
			.containsEntry("30m", factors.get("6h"))
			.containsEntry("2h", factors.get("1d"));
	}

	private static double factor(double budgetShare, Duration period, Duration window) {
		return budgetShare * period.toMinutes() / window.toMinutes();
	}

	private static Offset<Double> within() {
		return Offset.offset(1e-9);
	}

	@Test
	void alertmanagerRoutesEverySeverityToItsReceivers() throws Exception {
		Path amtool = ExternalBinary.require("amtool", "prometheus-alertmanager");
		ExternalBinary.run(amtool.toString(), "check-config", ALERTMANAGER.toString());
		String[][] table = { { "pager,chat", "severity=critical", "alertname=PaymentFailureRatioHigh" },
				{ "chat", "severity=warning", "alertname=HighErrorRatio" }, { "email", "severity=info", "alertname=LowInventory" },
				{ "deadman", "severity=info", "alertname=Watchdog" } };
		for (String[] row : table) {
			ExternalBinary.run(amtool.toString(), "config", "routes", "test", "--config.file=" + ALERTMANAGER,
					"--verify.receivers=" + row[0], row[1], row[2], "application=sample-shop");
		}
	}

	@Test
	void inhibitionsOnlyUseLabelsBothSidesCarry() throws IOException {
		Map<String, Object> config = new Yaml().load(Files.readString(ALERTMANAGER));
		for (Object rule : (List<?>) config.get("inhibit_rules")) {
			List<?> equal = (List<?>) ((Map<?, ?>) rule).get("equal");
			assertThat(equal).isNotEmpty();
			for (Object label : equal) {
				if (label.equals("alertname")) {
					continue;
				}
				for (Map<String, Object> alert : alerts()) {
					if (!alert.get("alert").equals("Watchdog")) {
						assertThat((String) alert.get("expr")).as(alert.get("alert") + " carries " + label)
							.containsAnyOf("by (" + label, "by (application", label + "!=\"\"", "application:", "application_");
					}
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> alerts() throws IOException {
		Map<String, Object> document = new Yaml().load(Files.readString(RULES));
		List<Map<String, Object>> alerts = new ArrayList<>();
		for (Object group : (List<?>) document.get("groups")) {
			for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
				if (((Map<?, ?>) rule).containsKey("alert")) {
					alerts.add((Map<String, Object>) rule);
				}
			}
		}
		return alerts;
	}

}
