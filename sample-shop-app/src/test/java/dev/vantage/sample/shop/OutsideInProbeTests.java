package dev.vantage.sample.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vantage.observability.testsupport.BlackboxExporterServer;
import dev.vantage.observability.testsupport.ExternalBinary;
import dev.vantage.observability.testsupport.PrometheusServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outside-in: the shop served over HTTPS with a self-signed certificate that expires tomorrow,
 * the real blackbox exporter with the shipped module (trusting that certificate), and a real
 * Prometheus with the shipped probe job and rules. The liveness and storefront probes pass, an
 * address nobody answers fails while the shop answers its scrape and pages ProbeFailing, and the
 * certificate pages CertificateExpiresSoon.
 */
class OutsideInProbeTests {

	private static final String PASSWORD = "changeit";

	@TempDir
	Path work;

	@Test
	void probesPassOnTheShopPageWhereItCannotBeReachedAndWarnBeforeItsCertificateExpires() throws Exception {
		Path keyStore = this.work.resolve("shop.p12");
		Path certificate = this.work.resolve("shop.pem");
		selfSignedCertificate(keyStore, certificate);
		try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(ShopApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:outside-in;DB_CLOSE_DELAY=-1",
				"--observability.audit.file=target/outside-in-test/audit.json", "--spring.jmx.enabled=false",
				"--server.ssl.key-store=" + keyStore, "--server.ssl.key-store-password=" + PASSWORD,
				"--server.ssl.key-store-type=PKCS12");
				BlackboxExporterServer exporter = BlackboxExporterServer.start(trusting(certificate))) {
			String base = "https://127.0.0.1:" + shop.getEnvironment().getProperty("local.server.port");
			String unreachable = "https://127.0.0.1:" + PrometheusServer.freePort() + "/";
			assertThat(exporter.probe("http_2xx", base + "/")).contains("probe_success 1", "probe_http_status_code 200");

			try (PrometheusServer prometheus = PrometheusServer.start(configuration(base, unreachable, exporter.port(),
					certificate), Map.of("vantage.rules.yml", StackFixtures.testRules("vantage.rules.yml"),
							StackFixtures.SCRAPE_PASSWORD_FILE, "prometheus\n"))) {
				await("the shop's scrape and both of its probes to pass").atMost(Duration.ofSeconds(60))
					.until(() -> prometheus.query("up{application=\"sample-shop\"} == 1").size() == 1
							&& prometheus.query("probe_success{application=\"sample-shop\"} == 1").size() == 2);
				assertThat(instances(prometheus.query("probe_success{application=\"sample-shop\"} == 1")))
					.containsExactlyInAnyOrder(base + "/actuator/health/liveness", base + "/");

				await("ProbeFailing for the address nobody answers").atMost(Duration.ofSeconds(60))
					.until(() -> !prometheus.query("ALERTS{alertname=\"ProbeFailing\", alertstate=\"firing\"}").isEmpty());
				assertThat(instances(prometheus.query("ALERTS{alertname=\"ProbeFailing\", alertstate=\"firing\"}")))
					.containsExactly(unreachable);

				await("CertificateExpiresSoon for the certificate of tomorrow").atMost(Duration.ofSeconds(60))
					.until(() -> prometheus.query("ALERTS{alertname=\"CertificateExpiresSoon\", alertstate=\"firing\"}")
						.size() == 4);
				JsonNode expiring = prometheus.query(
						"ALERTS{alertname=\"CertificateExpiresSoon\", alertstate=\"firing\", severity=\"critical\"}");
				assertThat(instances(expiring)).containsExactlyInAnyOrder(base + "/actuator/health/liveness", base + "/");
				double left = prometheus.query("min(probe_ssl_earliest_cert_expiry{application=\"sample-shop\"}) - time()")
					.path(0).path("value").path(1).asDouble();
				assertThat(left).isBetween(0.0, Duration.ofDays(1).toSeconds() + 60.0);
				assertThat(prometheus.log()).doesNotContain("level=error");
			}
		}
	}

	/** A key pair and a certificate for 127.0.0.1, valid for one day, made by the JDK's keytool. */
	private static void selfSignedCertificate(Path keyStore, Path certificate) throws Exception {
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		ExternalBinary.run(keytool, "-genkeypair", "-alias", "shop", "-keyalg", "EC", "-groupname", "secp256r1",
				"-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "1", "-keystore", keyStore.toString(),
				"-storetype", "PKCS12", "-storepass", PASSWORD);
		ExternalBinary.run(keytool, "-exportcert", "-rfc", "-alias", "shop", "-keystore", keyStore.toString(),
				"-storepass", PASSWORD, "-file", certificate.toString());
	}

	/** The shipped blackbox configuration, its module trusting the test's certificate as its authority. */
	@SuppressWarnings("unchecked")
	private static String trusting(Path certificate) throws IOException {
		Map<String, Object> config = new Yaml()
			.load(Files.readString(StackFixtures.ROOT.resolve("deploy/blackbox/blackbox.yml")));
		Map<String, Object> module = (Map<String, Object>) ((Map<String, Object>) config.get("modules")).get("http_2xx");
		((Map<String, Object>) module.get("http")).put("tls_config", Map.of("ca_file", certificate.toString()));
		return yaml(config);
	}

	/**
	 * The shipped probe job, asking this exporter about the shop and an address nobody answers,
	 * beside the shop's own scrape over HTTPS, every 2 s, with the shipped rules.
	 */
	@SuppressWarnings("unchecked")
	private static String configuration(String base, String unreachable, int exporterPort, Path certificate)
			throws IOException {
		Map<String, Object> shipped = new Yaml()
			.load(Files.readString(StackFixtures.ROOT.resolve("deploy/prometheus/prometheus.yml")));
		Map<String, Object> probeJob = ((List<Map<String, Object>>) shipped.get("scrape_configs")).stream()
			.filter((job) -> "blackbox".equals(job.get("job_name")))
			.findFirst()
			.orElseThrow();
		List<Map<String, Object>> relabels = (List<Map<String, Object>>) probeJob.get("relabel_configs");
		String shippedTargets = String.valueOf(((List<Map<String, Object>>) probeJob.get("static_configs")).get(0).get("targets"));
		assertThat(shippedTargets).contains("/actuator/health/liveness", "http://app:8080/");
		probeJob.put("static_configs", List.of(Map.of("targets",
				List.of(base + "/actuator/health/liveness", base + "/", unreachable))));
		relabels.stream().filter((relabel) -> "__address__".equals(relabel.get("target_label")))
			.forEach((relabel) -> relabel.put("replacement", "127.0.0.1:" + exporterPort));
		Map<String, Object> shopJob = new Yaml().load("""
				job_name: sample-shop
				metrics_path: /actuator/prometheus
				scheme: https
				honor_labels: true
				basic_auth:
				  username: prometheus
				  password_file: '%%DIR%%/%s'
				tls_config:
				  ca_file: %s
				static_configs:
				  - targets: ['%s']
				    labels:
				      application: sample-shop
				""".formatted(StackFixtures.SCRAPE_PASSWORD_FILE, certificate, base.substring("https://".length())));
		Map<String, Object> config = Map.of("global", Map.of("scrape_interval", "2s", "evaluation_interval", "2s"),
				"rule_files", List.of("%DIR%/vantage.rules.yml"), "scrape_configs", new ArrayList<>(List.of(shopJob, probeJob)));
		return yaml(config);
	}

	private static List<String> instances(JsonNode result) {
		List<String> instances = new ArrayList<>();
		result.forEach((series) -> instances.add(series.path("metric").path("instance").asString()));
		return instances;
	}

	private static String yaml(Map<String, Object> document) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return new Yaml(options).dump(document);
	}

}
