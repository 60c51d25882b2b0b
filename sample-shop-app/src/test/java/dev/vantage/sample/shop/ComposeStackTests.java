package dev.vantage.sample.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vantage.observability.testsupport.ExternalBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose stack, checked without a Docker engine: the file parses, images are pinned,
 * mounted files exist, services have health checks and ordered start-up, no secret is inline,
 * and the Prometheus and Alertmanager configurations it mounts pass the real promtool and
 * amtool with the paths the containers would see.
 */
class ComposeStackTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@TempDir
	Path work;

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void everyServiceOfTheStackIsThereWithPinnedImages() throws IOException {
		Map<String, Map<String, Object>> services = services();
		assertThat(services).containsKeys("app", "postgres", "redis", "prometheus", "alertmanager", "grafana",
				"postgres-exporter", "redis-exporter", "jaeger", "blackbox-exporter");
		services.forEach((name, service) -> {
			if (service.containsKey("image")) {
				assertThat(pinned((String) service.get("image"))).as(name + " image " + service.get("image")).isTrue();
			}
			else {
				Map<?, ?> build = (Map<?, ?>) service.get("build");
				assertThat(ROOT.resolve((String) build.get("dockerfile"))).as(name + " Dockerfile").exists();
			}
		});
		List<String> baseImages = Files.readAllLines(ROOT.resolve("sample-shop-app/Dockerfile"))
			.stream()
			.filter((line) -> line.startsWith("FROM "))
			.map((line) -> line.split("\\s+")[1])
			.toList();
		assertThat(baseImages).isNotEmpty().allMatch(ComposeStackTests::pinned);
		assertThat(Files.readString(ROOT.resolve("sample-shop-app/Dockerfile"))).contains("USER ", "HEALTHCHECK ");
	}

	@Test
	@SuppressWarnings("unchecked")
	void otelProfileCollectorWiresEveryPipelineToDefinedComponents() throws IOException {
		// No collector binary here: its configuration is checked the way the collector reads it.
		Map<String, Object> collector = new Yaml().load(Files.readString(ROOT.resolve("deploy/otel/collector.yaml")));
		Map<String, Object> service = (Map<String, Object>) collector.get("service");
		Map<String, Map<String, List<String>>> pipelines = (Map<String, Map<String, List<String>>>) service.get("pipelines");
		assertThat(pipelines).containsKeys("traces", "logs", "metrics");
		pipelines.forEach((name, pipeline) -> {
			for (String kind : List.of("receivers", "processors", "exporters")) {
				assertThat(((Map<String, Object>) collector.get(kind)).keySet()).as(name + " " + kind)
					.containsAll(pipeline.get(kind));
			}
		});
		assertThat((List<String>) service.get("extensions")).allSatisfy(
				(extension) -> assertThat(((Map<String, Object>) collector.get("extensions")).keySet()).contains(extension));
		Map<String, Object> otel = services().get("otel-collector");
		assertThat((List<String>) otel.get("profiles")).containsExactly("otel");
		assertThat(String.valueOf(collector.get("exporters"))).contains("http://jaeger:4318",
				"http://prometheus:9090/api/v1/write", "http://loki:3100/otlp");
		assertThat((List<String>) services().get("loki").get("profiles")).containsExactly("otel");
		assertThat(Files.readString(ROOT.resolve("sample-shop-app/src/main/resources/application-otel.properties")))
			.contains("management.opentelemetry.logging.export.otlp.endpoint=http://otel-collector:4318/v1/logs");
		assertThat((List<String>) services().get("prometheus").get("command")).contains("--web.enable-remote-write-receiver");
	}

	@Test
	@SuppressWarnings("unchecked")
	void traceStoresLinkToTheLogStoreByTraceId() throws IOException {
		Map<String, Object> provisioning = new Yaml()
			.load(Files.readString(ROOT.resolve("dashboards/provisioning/datasources/prometheus.yml")));
		List<Map<String, Object>> datasources = (List<Map<String, Object>>) provisioning.get("datasources");
		List<Object> uids = datasources.stream().map((datasource) -> datasource.get("uid")).toList();
		List<Map<String, Object>> traceStores = datasources.stream()
			.filter((datasource) -> List.of("jaeger", "zipkin").contains(datasource.get("type")))
			.toList();
		assertThat(traceStores).hasSize(2).allSatisfy((store) -> {
			Map<String, Object> links = (Map<String, Object>) ((Map<String, Object>) store.get("jsonData"))
				.get("tracesToLogsV2");
			assertThat(uids).contains(links.get("datasourceUid"));
			// $$ is Grafana's escape for a literal $ in provisioning files.
			assertThat((String) links.get("query")).contains("trace_id=\"$${__trace.traceId}\"");
		});
	}

	@Test
	void dockerfileGivesMavenEveryModuleOfTheBuild() throws IOException {
		// Maven reads the whole reactor before building one module: a module the image lacks
		// fails the image build, which no Docker engine here would show.
		String dockerfile = Files.readString(ROOT.resolve("sample-shop-app/Dockerfile"));
		Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
		List<String> modules = new ArrayList<>();
		while (module.find()) {
			modules.add(module.group(1));
		}
		assertThat(modules).contains("observability-dependencies", "sample-shop-app");
		assertThat(modules).allSatisfy((name) -> assertThat(dockerfile).as("Dockerfile copies " + name)
			.containsPattern("(?m)^COPY " + Pattern.quote(name) + "(/pom\\.xml)? "));
	}

	private static boolean pinned(String image) {
		String tag = image.substring(image.lastIndexOf('/') + 1);
		return tag.contains(":") && !tag.endsWith(":latest") && tag.matches(".*:.*\\d.*");
	}

	@Test
	void everyMountedFileExistsAndServicesStartInOrder() throws IOException {
		Map<String, Map<String, Object>> services = services();
		services.forEach((name, service) -> {
			for (String[] volume : volumes(service)) {
				assertThat(ROOT.resolve(volume[0])).as(name + " mounts " + volume[0]).exists();
			}
		});
		for (String name : List.of("app", "postgres", "redis", "prometheus", "alertmanager", "grafana")) {
			assertThat(services.get(name)).as(name + " health check").containsKey("healthcheck");
		}
		Map<?, ?> appDependsOn = (Map<?, ?>) services.get("app").get("depends_on");
		assertThat(((Map<?, ?>) appDependsOn.get("postgres")).get("condition")).isEqualTo("service_healthy");
		assertThat(((Map<?, ?>) appDependsOn.get("redis")).get("condition")).isEqualTo("service_healthy");
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		((Map<?, ?>) compose.get("secrets")).forEach((name, secret) -> assertThat(
				ROOT.resolve((String) ((Map<?, ?>) secret).get("file"))).as("secret " + name).exists());
	}

	@Test
	void noSecretIsWrittenInline() throws IOException {
		services().forEach((name, service) -> {
			Map<?, ?> environment = (Map<?, ?>) service.getOrDefault("environment", Map.of());
			environment.forEach((key, value) -> {
				String variable = String.valueOf(key);
				if (variable.matches(".*(PASSWORD|SECRET|TOKEN).*") && !variable.endsWith("_FILE")) {
					assertThat(String.valueOf(value)).as(name + " " + variable).startsWith("${");
				}
			});
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyPublishedPortListensOnLoopbackAndPrometheusHasNoLifecycleApi() throws IOException {
		services().forEach((name, service) -> {
			for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
				assertThat(String.valueOf(port)).as(name + " publishes " + port).startsWith("127.0.0.1:");
			}
		});
		assertThat((List<String>) services().get("prometheus").get("command")).doesNotContain("--web.enable-lifecycle");
	}

	@Test
	void scrapeTargetsNameServicesAndPortsOfTheStack() throws IOException {
		Map<String, Map<String, Object>> services = services();
		String prometheus = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"));
		Matcher targets = Pattern.compile("'([a-z0-9-]+):(\\d+)'").matcher(prometheus);
		int checked = 0;
		while (targets.find()) {
			String service = targets.group(1);
			String port = targets.group(2);
			if (service.equals("localhost")) {
				continue;
			}
			assertThat(services).as("scrape target service " + service).containsKey(service);
			List<String> exposed = ((List<?>) services.get(service).get("expose")).stream().map(String::valueOf).toList();
			assertThat(exposed).as(service + " exposes " + port).contains(port);
			checked++;
		}
		assertThat(checked).isGreaterThanOrEqualTo(4);
	}

	@Test
	void mountedPrometheusConfigurationPassesPromtool() throws Exception {
		Path promtool = ExternalBinary.require("promtool", "prometheus");
		Path config = rewrite(services().get("prometheus"), "deploy/prometheus/prometheus.yml", "prometheus.yml");
		ExternalBinary.run(promtool.toString(), "check", "config", config.toString());
	}

	@Test
	void mountedAlertmanagerConfigurationPassesAmtool() throws Exception {
		Path amtool = ExternalBinary.require("amtool", "prometheus-alertmanager");
		Path config = rewrite(services().get("alertmanager"), "alert-rules/alertmanager.yml", "alertmanager.yml");
		ExternalBinary.run(amtool.toString(), "check-config", config.toString());
	}

	/** A copy of a mounted configuration whose container paths point at the repository's files. */
	private Path rewrite(Map<String, Object> service, String configuration, String fileName) throws IOException {
		String text = Files.readString(ROOT.resolve(configuration));
		for (String[] volume : volumes(service)) {
			text = text.replace(volume[1], ROOT.resolve(volume[0]).toString());
		}
		Path copy = this.work.resolve(fileName);
		Files.writeString(copy, text);
		return copy;
	}

	private static List<String[]> volumes(Map<String, Object> service) {
		List<String[]> volumes = new ArrayList<>();
		for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
			String[] parts = String.valueOf(volume).split(":");
			if (parts[0].startsWith("./")) {
				volumes.add(new String[] { parts[0].substring(2), parts[1] });
			}
		}
		return volumes;
	}

}
