package dev.vantage.observability.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vantage.observability.testsupport.ExternalBinary;
import dev.vantage.observability.testsupport.PrometheusDurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped alerting and recording rules and the Alertmanager configuration, checked by
 * the real promtool and amtool, and held to the project's conventions.
 */
class AlertRulesTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path RULES = ROOT.resolve("alert-rules/vantage.rules.yml");

	/** The shop's SLO rules, generated (ShopSloRulesTests keeps them so; GeneratedSloRulesTests unit-tests them). */
	private static final Path SLO_RULES = ROOT.resolve("alert-rules/slo.rules.yml");

	private static final Path RULE_TESTS = ROOT.resolve("alert-rules/tests/vantage.rules.test.yml");

	/** The generated SLO alerts' own cases, so that an operator can rerun them with promtool alone. */
	private static final Path SLO_TESTS = ROOT.resolve("alert-rules/tests/slo.rules.test.yml");

	/** The anomaly alerts' days of series, evaluated every 10 minutes to stay fast. */
	private static final Path ANOMALY_TESTS = ROOT.resolve("alert-rules/tests/anomaly.rules.test.yml");

	/** Time to warn, page and resolve for each failure mode, at the shipped 15 s intervals. */
	private static final Path DETECTION_TESTS = ROOT.resolve("alert-rules/tests/detection.rules.test.yml");

	/** Pages, deploys, failed changes and time to recover, from two hours of one service. */
	private static final Path RELIABILITY_TESTS = ROOT.resolve("alert-rules/tests/reliability.rules.test.yml");

	private static final String PAGES = "count by (alertname) (ALERTS{alertstate=\"firing\",severity=\"critical\"})";

	private static final String WARNS = "count by (alertname) (ALERTS{alertstate=\"firing\",severity=\"warning\"})";

	/** In detection.rules.test.yml every failure starts after this instant and ends at {@link #FAILURE_ENDS}. */
	private static final Duration FAILURE_STARTS = Duration.ofMinutes(10);

	private static final Duration FAILURE_ENDS = Duration.ofMinutes(20);

	private static final Duration EVALUATION = Duration.ofSeconds(15);

	private static final Path ALERTMANAGER = ROOT.resolve("alert-rules/alertmanager.yml");

	private static final Path TEMPLATES = ROOT.resolve("alert-rules/templates");

	@Test
	void rulesAreLintCleanAndEveryUnitTestPasses() throws Exception {
		Path promtool = ExternalBinary.require("promtool", "prometheus");
		ExternalBinary.run(promtool.toString(), "check", "rules", "--lint=all", "--lint-fatal", RULES.toString(),
				SLO_RULES.toString());
		// One promtool per file, two at a time: together they take about two minutes on one core.
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> runs = new ArrayList<>();
			for (Path tests : List.of(RULE_TESTS, SLO_TESTS, ANOMALY_TESTS, DETECTION_TESTS, RELIABILITY_TESTS)) {
				runs.add(pool.submit(() -> ExternalBinary.run(Duration.ofMinutes(3), promtool.toString(), "test", "rules",
						tests.toString())));
			}
			for (Future<String> run : runs) {
				try {
					run.get();
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof Error error) {
						throw error;
					}
					throw ex;
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void vmalertAcceptsEveryShippedRuleFile() throws Exception {
		// vmalert refuses fields and syntax Prometheus would accept (or that only newer vmalert knows).
		Path vmalert = ExternalBinary.require("vmalert", "victoria-metrics");
		ExternalBinary.run(vmalert.toString(), "-dryRun", "-rule=" + RULES, "-rule=" + SLO_RULES);
	}

	@Test
	void everyAlertFollowsTheConventions() throws IOException {
		List<Map<String, Object>> alerts = alerts(RULES);
		alerts.addAll(alerts(SLO_RULES));
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
		Set<String> fires = new HashSet<>();
		Set<String> staysQuiet = new HashSet<>();
		for (Path file : List.of(RULE_TESTS, SLO_TESTS, ANOMALY_TESTS)) {
			Map<String, Object> tests = new Yaml().load(Files.readString(file));
			for (Object test : (List<?>) tests.get("tests")) {
				for (Object check : (List<?>) ((Map<?, ?>) test).get("alert_rule_test")) {
					Map<?, ?> ruleTest = (Map<?, ?>) check;
					String name = (String) ruleTest.get("alertname");
					(((List<?>) ruleTest.get("exp_alerts")).isEmpty() ? staysQuiet : fires).add(name);
				}
			}
		}
		Set<String> names = new HashSet<>();
		alerts(RULES).forEach((alert) -> names.add((String) alert.get("alert")));
		alerts(SLO_RULES).forEach((alert) -> names.add((String) alert.get("alert")));
		assertThat(names).contains("SloErrorBudgetBurnFast", "SloErrorBudgetBurnSlow");
		assertThat(fires).containsAll(names);
		names.remove("Watchdog");
		assertThat(staysQuiet).as("alerts with a case that must not fire").containsAll(names);
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
	void notificationTemplatesShowWhatOnCallNeeds(@TempDir Path work) throws Exception {
		Path amtool = ExternalBinary.require("amtool", "prometheus-alertmanager");
		Path data = Files.writeString(work.resolve("alerts.json"), """
				{"receiver": "chat", "status": "firing", "externalURL": "http://alertmanager:9093",
				 "groupLabels": {"alertname": "RevenueDrop"},
				 "commonLabels": {"alertname": "RevenueDrop", "application": "shop", "severity": "critical"},
				 "commonAnnotations": {},
				 "alerts": [
				  {"status": "firing", "fingerprint": "1", "startsAt": "2026-11-25T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
				   "labels": {"alertname": "RevenueDrop", "application": "shop", "currency": "EUR", "severity": "critical", "tenant": "acme"},
				   "annotations": {"summary": "Revenue is less than half of the same hour last week.",
				                   "description": "shop books 40% of the EUR revenue of the same hour a week ago.",
				                   "runbook_url": "docs/runbooks/anomalies.md"}},
				  {"status": "resolved", "fingerprint": "2", "startsAt": "2026-11-25T10:00:00Z", "endsAt": "2026-11-25T11:00:00Z",
				   "labels": {"alertname": "SloErrorBudgetBurnFast", "application": "shop", "severity": "critical", "slo": "checkout latency"},
				   "annotations": {"summary": "SLO burns.", "description": "now 20%.", "runbook_url": "https://runbooks.example/slo"}}]}
				""");
		String glob = "--template.glob=" + TEMPLATES.resolve("*.tmpl");
		String chat = ExternalBinary.run(amtool.toString(), "template", "render", glob, "--template.data=" + data,
				"--template.text={{ template \"vantage.title\" . }}\n{{ template \"vantage.text\" . }}");
		assertThat(chat).startsWith("[FIRING:1] RevenueDrop (critical) on shop\n")
			.contains("Revenue is less than half of the same hour last week.\napplication shop, tenant acme\n"
					+ "shop books 40% of the EUR revenue of the same hour a week ago.\n")
			.contains("Runbook: https://github.com/vantage-observability/vantage/blob/main/docs/runbooks/anomalies.md\n")
			.contains("Dashboard: http://localhost:3000/d/vantage-overview?var-application=shop\n")
			.contains("RESOLVED: SLO burns.\napplication shop, SLO checkout latency\nnow 20%.\nRunbook: https://runbooks.example/slo\n")
			.contains("Dashboard: http://localhost:3000/d/vantage-slo?var-application=shop&var-slo=checkout+latency");
		String email = ExternalBinary.run(amtool.toString(), "template", "render", glob, "--template.data=" + data,
				"--template.type=html", "--template.text={{ template \"vantage.email.html\" . }}");
		assertThat(email).contains("<h2>[FIRING:1] RevenueDrop (critical) on shop</h2>",
				"<a href=\"https://github.com/vantage-observability/vantage/blob/main/docs/runbooks/anomalies.md\">Runbook</a>",
				"application shop, tenant acme");
		// Every receiver that people read renders them.
		String config = Files.readString(ALERTMANAGER);
		assertThat(config).contains("templates:\n  - /etc/alertmanager/templates/*.tmpl",
				"title: '{{ template \"vantage.title\" . }}'", "text: '{{ template \"vantage.text\" . }}'",
				"html: '{{ template \"vantage.email.html\" . }}'");
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
				for (Map<String, Object> alert : alerts(RULES)) {
					if (!alert.get("alert").equals("Watchdog")) {
						assertThat((String) alert.get("expr")).as(alert.get("alert") + " carries " + label)
							.containsAnyOf("by (" + label, "by (application", label + "!=\"\"", "application:", "application_");
					}
				}
			}
		}
	}

	/**
	 * The detection table of docs/alerts.md is what detection.rules.test.yml pins (promtool runs
	 * it above): each row's first warning, first page and resolve are the instants its checks
	 * prove, nothing of that severity fires one evaluation earlier, and each meets its target.
	 */
	@Test
	void detectionTableIsWhatThePromtoolTestsProve() throws IOException {
		Map<String, Object> file = new Yaml().load(Files.readString(DETECTION_TESTS));
		assertThat(file.get("evaluation_interval")).isEqualTo("15s");
		List<List<String>> table = Docs.table("docs/alerts.md", "## Detection, measured");
		Map<String, List<String>> rows = new LinkedHashMap<>();
		table.forEach((row) -> rows.put(row.get(0), row));
		Set<String> tested = new LinkedHashSet<>();
		for (Object test : (List<?>) file.get("tests")) {
			Map<?, ?> group = (Map<?, ?>) test;
			String failure = (String) group.get("name");
			tested.add(failure);
			assertThat(group.get("interval")).as(failure).isEqualTo("15s");
			List<Map<?, ?>> checks = maps(group.get("promql_expr_test"));
			List<String> row = rows.get(failure);
			assertThat(row).as("a row in the detection table for '" + failure + "'").isNotNull();
			Optional<Duration> page = first(failure, checks, PAGES);
			Optional<Duration> warning = first(failure, checks, WARNS);
			assertThat(row.get(1)).as(failure + ": first warning").isEqualTo(cell(checks, WARNS, warning));
			assertThat(row.get(2)).as(failure + ": first page").isEqualTo(cell(checks, PAGES, page));
			String resolve = page.isPresent() ? resolve(failure, checks, PAGES)
					: warning.isPresent() ? resolve(failure, checks, WARNS) : "—";
			assertThat(row.get(3)).as(failure + ": resolves").isEqualTo(resolve);
			String target = row.get(4);
			switch (target) {
				case "quiet" -> assertThat(page.or(() -> warning)).as(failure + " pages and warns nobody").isEmpty();
				case "warning" -> assertThat(page).as(failure + " does not page").isEmpty();
				default -> assertThat(page).as(failure + " pages within " + target)
					.hasValueSatisfying((after) -> assertThat(after).isLessThanOrEqualTo(PrometheusDurations.parse(target)));
			}
		}
		assertThat(rows.keySet()).as("rows of the detection table").containsExactlyInAnyOrderElementsOf(tested);
	}

	/**
	 * When a severity first fires, after the failure starts: the first check of that expression
	 * that finds alerts, with a check one evaluation earlier that finds none; or empty where a
	 * check over the whole test proves it never fired.
	 */
	private static Optional<Duration> first(String failure, List<Map<?, ?>> checks, String expr) {
		Optional<Duration> first = checks.stream().filter((check) -> expr.equals(check.get("expr")))
			.filter((check) -> !samples(check).isEmpty()).map(AlertRulesTests::time).min(Duration::compareTo);
		if (first.isEmpty()) {
			String never = expr.replace("(ALERTS{", "(max_over_time(ALERTS{").replace("})", "}[30m]))");
			assertThat(checks).as(failure + ": a check that nothing fired in 30 minutes, " + never)
				.anySatisfy((check) -> {
					assertThat(check.get("expr")).isEqualTo(never);
					assertThat(time(check)).isEqualTo(Duration.ofMinutes(30));
					assertThat(samples(check)).isEmpty();
				});
			return first;
		}
		Duration before = first.get().minus(EVALUATION);
		assertThat(checks).as(failure + ": nothing fires at " + before + " for " + expr).anySatisfy((check) -> {
			assertThat(check.get("expr")).isEqualTo(expr);
			assertThat(time(check)).isEqualTo(before);
			assertThat(samples(check)).isEmpty();
		});
		return first.map((at) -> at.minus(FAILURE_STARTS));
	}

	private static String cell(List<Map<?, ?>> checks, String expr, Optional<Duration> after) {
		if (after.isEmpty()) {
			return "none";
		}
		Duration at = after.get().plus(FAILURE_STARTS);
		List<String> alerts = checks.stream()
			.filter((check) -> expr.equals(check.get("expr")) && time(check).equals(at))
			.flatMap((check) -> samples(check).stream())
			.map((sample) -> "`" + ((String) sample.get("labels")).replaceAll(".*alertname=\"(\\w+)\".*", "$1") + "`")
			.toList();
		return PrometheusDurations.format(after.get()) + " (" + String.join(", ", alerts) + ")";
	}

	/** How long after the failure ends the severity stops firing: the last check that finds alerts, and one later that finds none. */
	private static String resolve(String failure, List<Map<?, ?>> checks, String expr) {
		Duration last = checks.stream().filter((check) -> expr.equals(check.get("expr")))
			.filter((check) -> !samples(check).isEmpty()).map(AlertRulesTests::time).max(Duration::compareTo)
			.orElseThrow();
		Duration resolved = last.plus(EVALUATION);
		assertThat(checks).as(failure + ": nothing fires at " + resolved + " for " + expr).anySatisfy((check) -> {
			assertThat(check.get("expr")).isEqualTo(expr);
			assertThat(time(check)).isEqualTo(resolved);
			assertThat(samples(check)).isEmpty();
		});
		return PrometheusDurations.format(resolved.minus(FAILURE_ENDS));
	}

	private static List<Map<?, ?>> samples(Map<?, ?> check) {
		return maps(check.get("exp_samples"));
	}

	private static List<Map<?, ?>> maps(Object list) {
		List<Map<?, ?>> maps = new ArrayList<>();
		for (Object map : (List<?>) list) {
			maps.add((Map<?, ?>) map);
		}
		return maps;
	}

	private static Duration time(Map<?, ?> check) {
		return PrometheusDurations.parse((String) check.get("eval_time"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> alerts(Path rules) throws IOException {
		Map<String, Object> document = new Yaml().load(Files.readString(rules));
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
