package dev.vantage.sample.shop;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.vantage.observability.testsupport.ExternalBinary;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.Probe;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of {@code deploy/kubernetes/}: every overlay rendered by the real
 * {@code kubectl kustomize} and read into fabric8's typed model, where an unknown kind or a
 * misspelled field fails; the production overlay's guarantees; and the monitoring component's
 * generated files (PrometheusRule, dashboards, Alertmanager configuration) equal to the
 * repository's {@code alert-rules/} and {@code dashboards/}. Regenerate them with
 * {@code ./mvnw -pl sample-shop-app -am test -Dtest=KubernetesManifestsTests -Dsurefire.failIfNoSpecifiedTests=false -Dk8s.write=true}.
 */
class KubernetesManifestsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");

	private static final Path MONITORING = KUBERNETES.resolve("components/monitoring");

	private static final Path VICTORIA_METRICS = KUBERNETES.resolve("components/victoria-metrics");

	private static final List<String> RULE_FILES = List.of("vantage.rules.yml", "slo.rules.yml");

	private static final String GENERATED = "# Generated from the repository's %s by KubernetesManifestsTests: regenerate, do not edit.\n";

	private final KubernetesSerialization serialization = new KubernetesSerialization();

	@Test
	void generatedMonitoringFilesAreWhatTheRepositoryHolds() throws IOException {
		Map<Path, String> expected = new LinkedHashMap<>();
		expected.put(MONITORING.resolve("prometheusrule.yaml"),
				ruleObject("monitoring.coreos.com/v1", "PrometheusRule", Map.of("release", "prometheus")));
		expected.put(VICTORIA_METRICS.resolve("vmrule.yaml"),
				ruleObject("operator.victoriametrics.com/v1beta1", "VMRule", Map.of()));
		try (Stream<Path> dashboards = Files.list(ROOT.resolve("dashboards"))) {
			for (Path dashboard : dashboards.filter((file) -> file.toString().endsWith(".json")).sorted().toList()) {
				expected.put(MONITORING.resolve("dashboards").resolve(dashboard.getFileName()), Files.readString(dashboard));
			}
		}
		expected.put(MONITORING.resolve("alertmanager/alertmanager.yaml"), alertmanagerConfiguration());
		expected.put(MONITORING.resolve("alertmanager/vantage.tmpl"),
				Files.readString(ROOT.resolve("alert-rules/templates/vantage.tmpl")));
		for (Map.Entry<Path, String> file : expected.entrySet()) {
			if (Boolean.getBoolean("k8s.write")) {
				Files.createDirectories(file.getKey().getParent());
				Files.writeString(file.getKey(), file.getValue());
			}
			assertThat(file.getKey()).as(ROOT.relativize(file.getKey()) + " is generated: regenerate it with "
					+ "-Dk8s.write=true (see this test's Javadoc)").exists().hasContent(file.getValue());
		}
	}

	@Test
	void everyOverlayRendersToTypedObjectsWithoutUnknownFields() throws Exception {
		for (String kustomization : List.of("base", "overlays/staging", "overlays/production")) {
			List<HasMetadata> objects = render(kustomization);
			assertThat(objects).as(kustomization).isNotEmpty();
			for (HasMetadata object : objects) {
				String name = kustomization + ": " + object.getKind() + "/" + object.getMetadata().getName();
				assertThat(object).as(name + " is a known kind").isNotInstanceOf(GenericKubernetesResource.class);
				assertThat(unknownFields(object, "", new IdentityHashMap<>())).as(name + " has no unknown field").isEmpty();
			}
		}
	}

	@Test
	void deploymentIsProbedOnVantagesHealthGroupsAndRunsLocked() throws Exception {
		Deployment deployment = only(render("base"), Deployment.class);
		Container shop = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(shop.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
		assertThat(shop.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
		assertThat(shop.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
		assertThat(shop.getResources().getRequests()).containsKeys("cpu", "memory");
		assertThat(shop.getResources().getLimits()).containsKeys("cpu", "memory");
		assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(shop.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(shop.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(shop.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		// A read-only root: the audit log and temporary files need volumes of their own.
		assertThat(shop.getVolumeMounts()).extracting((mount) -> mount.getMountPath()).contains("/app/logs", "/tmp");
		Service service = only(render("base"), Service.class);
		assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", "sample-shop");
		assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(service.getSpec().getSelector());
	}

	@Test
	void productionKeepsThreeReplicasAndTwoThroughDisruptions() throws Exception {
		List<HasMetadata> production = render("overlays/production");
		assertThat(only(production, Deployment.class).getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
		assertThat(only(production, HorizontalPodAutoscaler.class).getSpec().getMinReplicas()).isGreaterThanOrEqualTo(3);
		assertThat(only(production, PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal()).isEqualTo(2);
		assertThat(only(production, Deployment.class).getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
			.hasSize(2);
		assertThat(production).allSatisfy((object) -> assertThat(object.getMetadata().getNamespace()).isEqualTo("shop"));
	}

	@Test
	void productionCarriesNoPasswordAndRunsTheProfileThatRefusesDefaults() throws Exception {
		List<HasMetadata> production = render("overlays/production");
		assertThat(production).filteredOn((object) -> object instanceof Secret)
			.extracting((object) -> object.getMetadata().getName())
			.as("the only Secret production renders holds no password of the shop")
			.containsExactly("alertmanager-vantage");
		Container shop = only(production, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(shop.getEnv()).anySatisfy((env) -> {
			assertThat(env.getName()).isEqualTo("SPRING_PROFILES_ACTIVE");
			assertThat(env.getValue()).isEqualTo("production");
		});
		assertThat(shop.getEnv()).filteredOn((env) -> env.getName().contains("PASSWORD")).hasSize(2)
			.allSatisfy((env) -> {
				assertThat(env.getValue()).as(env.getName() + " has no literal value").isNull();
				assertThat(env.getValueFrom().getSecretKeyRef()).isNotNull();
			});
	}

	@Test
	void monitoringScrapesWithItsSecretAndCarriesTheRulesDashboardsAndAlertmanager() throws Exception {
		List<HasMetadata> staging = render("overlays/staging");
		ServiceMonitor monitor = only(staging, ServiceMonitor.class);
		Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
		assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
		assertThat(endpoint.getPort()).isEqualTo("http");
		assertThat(endpoint.getHonorLabels()).isTrue();
		assertThat(monitor.getSpec().getSelector().getMatchLabels())
			.isEqualTo(only(staging, Service.class).getMetadata().getLabels().entrySet().stream()
				.filter((label) -> label.getKey().equals("app.kubernetes.io/name"))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
		String secretName = endpoint.getBasicAuth().getUsername().getName();
		Secret credentials = named(staging, Secret.class, secretName);
		assertThat(decoded(credentials, endpoint.getBasicAuth().getUsername().getKey())).isEqualTo("prometheus");
		assertThat(decoded(credentials, endpoint.getBasicAuth().getPassword().getKey())).isEqualTo("prometheus");

		// The PrometheusRule carries exactly the groups of the rule files Prometheus loads in compose.
		PrometheusRule rule = only(staging, PrometheusRule.class);
		List<Object> groups = new ArrayList<>();
		for (String file : RULE_FILES) {
			groups.addAll(groupsOf(Files.readString(ROOT.resolve("alert-rules").resolve(file))));
		}
		assertThat(groupsOf(this.serialization.asYaml(rule.getSpec()))).isEqualTo(groups);

		ConfigMap dashboards = named(staging, ConfigMap.class, "vantage-dashboards");
		assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
		try (Stream<Path> files = Files.list(ROOT.resolve("dashboards"))) {
			Map<String, String> shipped = new TreeMap<>();
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).toList()) {
				shipped.put(file.getFileName().toString(), Files.readString(file));
			}
			assertThat(new TreeMap<>(dashboards.getData())).isEqualTo(shipped);
		}
		Secret alertmanager = named(staging, Secret.class, "alertmanager-vantage");
		assertThat(decoded(alertmanager, "alertmanager.yaml")).contains("/etc/alertmanager/config/*.tmpl",
				"/etc/alertmanager/secrets/alertmanager-vantage-secrets/pager-token");
		assertThat(decoded(alertmanager, "vantage.tmpl")).contains("define \"vantage.title\"");
	}

	@Test
	@SuppressWarnings("unchecked")
	void victoriaMetricsOperatorObjectsScrapeAsTheServiceMonitorDoesAndCarryTheSameRules() throws Exception {
		List<HasMetadata> objects = render("overlays/victoria-metrics");
		GenericKubernetesResource scrape = generic(objects, "VMServiceScrape");
		assertThat(scrape.getApiVersion()).isEqualTo("operator.victoriametrics.com/v1beta1");
		Map<String, Object> spec = (Map<String, Object>) scrape.getAdditionalProperties().get("spec");
		Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("endpoints")).get(0);
		// The ServiceMonitor's endpoint, field for field, with the VictoriaMetrics name of relabelings.
		Map<String, Object> monitor = new LinkedHashMap<>(new Yaml()
			.load(this.serialization.asYaml(only(render("overlays/staging"), ServiceMonitor.class).getSpec().getEndpoints().get(0))));
		monitor.put("relabelConfigs", monitor.remove("relabelings"));
		assertThat(endpoint).isEqualTo(monitor);
		Secret credentials = named(objects, Secret.class, "sample-shop-scrape-credentials");
		assertThat(decoded(credentials, "password")).isEqualTo("prometheus");

		GenericKubernetesResource rule = generic(objects, "VMRule");
		List<Object> groups = new ArrayList<>();
		for (String file : RULE_FILES) {
			groups.addAll(groupsOf(Files.readString(ROOT.resolve("alert-rules").resolve(file))));
		}
		assertThat(((Map<String, Object>) rule.getAdditionalProperties().get("spec")).get("groups")).isEqualTo(groups);
	}

	/**
	 * The outside-in probe, for either operator: a module the shipped blackbox configuration
	 * defines, the public liveness and storefront, and the application named on the probe's
	 * series only (metric relabelling), as ProbeFailing and the compose job expect.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void probesAskForTheShippedModuleAndNameTheApplicationOnTheirSeries() throws Exception {
		Map<String, Object> blackbox = new Yaml().load(Files.readString(ROOT.resolve("deploy/blackbox/blackbox.yml")));
		Probe probe = only(render("overlays/staging"), Probe.class);
		assertThat((Map<String, Object>) blackbox.get("modules")).containsKey(probe.getSpec().getModule());
		List<String> targets = probe.getSpec().getTargets().getStaticConfig().getStatic();
		assertThat(targets).anyMatch((url) -> url.endsWith("/actuator/health/liveness")).anyMatch((url) -> url.endsWith("/"));
		assertThat(probe.getSpec().getMetricRelabelings()).singleElement().satisfies((relabel) -> {
			assertThat(relabel.getTargetLabel()).isEqualTo("application");
			assertThat(relabel.getReplacement()).isEqualTo("sample-shop");
		});

		Map<String, Object> vmProbe = (Map<String, Object>) generic(render("overlays/victoria-metrics"), "VMProbe")
			.getAdditionalProperties().get("spec");
		assertThat(vmProbe.get("module")).isEqualTo(probe.getSpec().getModule());
		assertThat(vmProbe.get("jobName")).isEqualTo(probe.getSpec().getJobName());
		assertThat(((Map<String, Object>) vmProbe.get("vmProberSpec")).get("url")).isEqualTo(probe.getSpec().getProber().getUrl());
		assertThat(((Map<String, Object>) ((Map<String, Object>) vmProbe.get("targets")).get("staticConfig")).get("targets"))
			.isEqualTo(targets);
		assertThat(vmProbe.get("metricRelabelConfigs"))
			.isEqualTo(List.of(Map.of("targetLabel", "application", "replacement", "sample-shop")));
	}

	@Test
	void alertmanagerConfigurationForTheOperatorPassesAmtool() throws Exception {
		Path amtool = ExternalBinary.require("amtool", "prometheus-alertmanager");
		ExternalBinary.run(amtool.toString(), "check-config", MONITORING.resolve("alertmanager/alertmanager.yaml").toString());
	}

	/**
	 * The rule files' groups in a PrometheusRule, as the Prometheus Operator wants them, or in a
	 * VMRule, as the VictoriaMetrics operator does: the same spec.
	 */
	private static String ruleObject(String apiVersion, String kind, Map<String, String> labels) throws IOException {
		List<Object> groups = new ArrayList<>();
		for (String file : RULE_FILES) {
			groups.addAll(groupsOf(Files.readString(ROOT.resolve("alert-rules").resolve(file))));
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("name", "vantage-rules");
		if (!labels.isEmpty()) {
			// Match your Prometheus' ruleSelector.
			metadata.put("labels", labels);
		}
		Map<String, Object> rule = new LinkedHashMap<>();
		rule.put("apiVersion", apiVersion);
		rule.put("kind", kind);
		rule.put("metadata", metadata);
		rule.put("spec", Map.of("groups", groups));
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(4096);
		return GENERATED.formatted("alert-rules/" + String.join(" and alert-rules/", RULE_FILES))
				+ new Yaml(new MultiLineLiterals(options), options).dump(rule);
	}

	/** The compose stack's Alertmanager configuration, with the paths the Prometheus Operator mounts. */
	private static String alertmanagerConfiguration() throws IOException {
		return GENERATED.formatted("alert-rules/alertmanager.yml")
				+ "# With `configSecret: alertmanager-vantage` (this file and vantage.tmpl, mounted at\n"
				+ "# /etc/alertmanager/config) and `secrets: [alertmanager-vantage-secrets]` (pager-token,\n"
				+ "# chat-webhook-url, deadman-token, smtp-password) on your Alertmanager resource.\n"
				+ Files.readString(ROOT.resolve("alert-rules/alertmanager.yml"))
					.replace("/etc/alertmanager/templates/", "/etc/alertmanager/config/")
					.replace("/etc/alertmanager/secrets/", "/etc/alertmanager/secrets/alertmanager-vantage-secrets/");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> groupsOf(String yaml) {
		return (List<Object>) ((Map<String, Object>) new Yaml().load(yaml)).get("groups");
	}

	private List<HasMetadata> render(String kustomization) throws Exception {
		Path kubectl = ExternalBinary.require("kubectl", "kubectl (1.27 or newer, with kustomize)");
		String output = ExternalBinary.run(Duration.ofSeconds(60), kubectl.toString(), "kustomize",
				KUBERNETES.resolve(kustomization).toString());
		List<HasMetadata> objects = new ArrayList<>();
		for (String document : output.split("(?m)^---$")) {
			if (!document.isBlank()) {
				objects.add(this.serialization.unmarshal(document));
			}
		}
		return objects;
	}

	private static GenericKubernetesResource generic(List<HasMetadata> objects, String kind) {
		List<GenericKubernetesResource> matching = objects.stream()
			.filter((object) -> object instanceof GenericKubernetesResource && kind.equals(object.getKind()))
			.map(GenericKubernetesResource.class::cast)
			.toList();
		assertThat(matching).as(kind).hasSize(1);
		return matching.get(0);
	}

	private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
		List<T> matching = objects.stream().filter(type::isInstance).map(type::cast).toList();
		assertThat(matching).as(type.getSimpleName()).hasSize(1);
		return matching.get(0);
	}

	private static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
		return objects.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter((object) -> object.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
	}

	private static String decoded(Secret secret, String key) {
		assertThat(secret.getData()).as(secret.getMetadata().getName()).containsKey(key);
		return new String(Base64.getMimeDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
	}

	/**
	 * Every field the typed model did not know, by path: fabric8 keeps them in
	 * {@code additionalProperties} instead of failing, so a misspelled field would pass unseen.
	 */
	private static List<String> unknownFields(Object object, String path, Map<Object, Boolean> seen) throws Exception {
		List<String> unknown = new ArrayList<>();
		if (object == null || seen.put(object, Boolean.TRUE) != null) {
			return unknown;
		}
		if (object instanceof Collection<?> collection) {
			int i = 0;
			for (Object element : collection) {
				unknown.addAll(unknownFields(element, path + "[" + i++ + "]", seen));
			}
			return unknown;
		}
		if (object instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				unknown.addAll(unknownFields(entry.getValue(), path + "." + entry.getKey(), seen));
			}
			return unknown;
		}
		if (!object.getClass().getName().startsWith("io.fabric8.")) {
			return unknown;
		}
		for (PropertyDescriptor property : Introspector.getBeanInfo(object.getClass()).getPropertyDescriptors()) {
			Method getter = property.getReadMethod();
			if (getter == null || getter.getParameterCount() > 0 || property.getName().equals("class")) {
				continue;
			}
			Object value = getter.invoke(object);
			if (property.getName().equals("additionalProperties")) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					extra.keySet().forEach((key) -> unknown.add(path + "." + key));
				}
				continue;
			}
			unknown.addAll(unknownFields(value, path + "." + property.getName(), seen));
		}
		return unknown;
	}

	/** Multi-line strings (PromQL expressions) as literal blocks, as the rule files write them. */
	private static final class MultiLineLiterals extends Representer {

		MultiLineLiterals(DumperOptions options) {
			super(options);
			this.representers.put(String.class, (data) -> {
				String text = (String) data;
				return text.contains("\n") ? representScalar(Tag.STR, text, DumperOptions.ScalarStyle.LITERAL)
						: representScalar(Tag.STR, text);
			});
		}

	}

}
