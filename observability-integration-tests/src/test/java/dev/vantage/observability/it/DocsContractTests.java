package dev.vantage.observability.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.autoconfigure.cache.RuntimeCacheMetricsBinder;
import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.business.Money;
import dev.vantage.observability.business.OrderStatus;
import dev.vantage.observability.business.PaymentOutcome;
import dev.vantage.observability.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Metrics Dictionary ({@code docs/metrics.md}) against a real scrape, the Configuration
 * reference ({@code docs/configuration.md}) against the generated configuration metadata.
 */
@SpringBootTest(classes = TestShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "observability.cardinality.max-tag-values=10", "observability.rum.enabled=true",
				"observability.rum.pages=/" })
class DocsContractTests {

	private static final String CONFIGURATION = "docs/configuration.md";

	private static final String GENERATED = "<!-- generated -->\n";

	private static final String END_GENERATED = "<!-- end generated -->";

	/** Name prefixes of the series the dictionary covers; everything else is Boot's JVM/process/server set. */
	private static final List<String> COVERED = List.of("http_server_", "http_client_", "db_", "hikaricp_", "jdbc_",
			"cache_", "observability_", "application_", "business_", "security_", "audit_", "dependency_", "rum_", "errors_");

	@LocalServerPort
	private int port;

	@Autowired
	private CacheManager cacheManager;

	@Autowired
	private RuntimeCacheMetricsBinder cacheBinder;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private BusinessMetrics business;

	@Autowired
	private AuditLogger audit;

	@Autowired
	private RestClient.Builder restClient;

	@Test
	void metricsDictionaryListsExactlyTheSeriesTheStarterRegisters() {
		Http http = new Http(this.port);
		for (int i = 0; i < 12; i++) {
			http.get("/orders/" + i, "X-Tenant-Id", "tenant-" + i);
		}
		http.get("/boom");
		this.cacheManager.getCache("dictionary").get("key");
		this.cacheBinder.bindNewCaches();
		this.jdbc.queryForObject("select 1", Integer.class);
		Money amount = Money.of("19.99", "EUR");
		this.business.order("acme", OrderStatus.PLACED, amount);
		this.business.revenue("acme", amount);
		this.business.refund("acme", amount);
		this.business.payment("stripe", PaymentOutcome.SUCCESS, Duration.ofMillis(80));
		this.business.signup("acme");
		this.business.lowStock("acme", 2);
		this.business.activeTenants(1);
		this.audit.log(AuditEvent.builder("dictionary.check").build());
		this.restClient.build().get().uri("http://127.0.0.1:" + this.port + "/orders/1").retrieve().toBodilessEntity();
		http.send("POST", "/vantage/rum", "{\"page\":\"/\",\"view\":true,\"metrics\":[{\"name\":\"LCP\",\"value\":900}]}"
			.getBytes(StandardCharsets.UTF_8), "Origin", "http://127.0.0.1:" + this.port);

		Set<String> scraped = families(http.scrape().text());
		List<String> documented = Docs.table("docs/metrics.md").stream().map((row) -> Docs.code(row.get(0)))
			.toList();
		assertThat(scraped).as("series in the scrape but not in the Metrics Dictionary")
			.allMatch((family) -> documented.stream().anyMatch((entry) -> matches(entry, family)));
		assertThat(documented).as("Metrics Dictionary rows with no series in the scrape")
			.allMatch((entry) -> scraped.stream().anyMatch((family) -> matches(entry, family)));
	}

	@Test
	void configurationReferenceIsGeneratedFromTheMetadata() throws IOException {
		String page = Docs.text(CONFIGURATION);
		int start = page.indexOf(GENERATED) + GENERATED.length();
		int end = page.indexOf(END_GENERATED);
		String expected = configurationTable();
		if (Boolean.getBoolean("docs.write")) {
			Files.writeString(Docs.ROOT.resolve(CONFIGURATION), page.substring(0, start) + expected + page.substring(end));
			page = Docs.text(CONFIGURATION);
			end = page.indexOf(END_GENERATED);
		}
		assertThat(page.substring(start, end)).as(CONFIGURATION + " is generated: regenerate it with -Ddocs.write=true "
				+ "(see the page)").isEqualTo(expected);
		assertThat(expected.lines().count()).isGreaterThan(50);
	}

	/** The Configuration table: every {@code observability.*} property of the metadata, by name. */
	private static String configurationTable() throws IOException {
		StringBuilder table = new StringBuilder("| property | default | description |\n|---|---|---|\n");
		observabilityProperties().forEach((name, property) -> table.append("| `")
			.append(name)
			.append("` | ")
			.append(defaultValue(property.path("defaultValue")))
			.append(" | ")
			.append(property.path("description").asString().replaceAll("\\{@code ([^}]*)}", "`$1`")
				.replaceAll("\\s+", " ")
				.replace("|", "\\|"))
			.append(" |\n"));
		return table.toString();
	}

	private static String defaultValue(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "none";
		}
		if (value.isArray()) {
			List<String> elements = new ArrayList<>();
			value.forEach((element) -> elements.add("`" + element.asString() + "`"));
			return String.join(", ", elements);
		}
		return "`" + value.asString() + "`";
	}

	private static boolean matches(String entry, String family) {
		return entry.endsWith("*") ? family.startsWith(entry.substring(0, entry.length() - 1)) : entry.equals(family);
	}

	/** Metric families of a text-format scrape, a timer's {@code _max} gauge folded into the timer. */
	private static Set<String> families(String scrape) {
		Set<String> families = scrape.lines()
			.filter((line) -> line.startsWith("# TYPE "))
			.map((line) -> line.split(" ")[2])
			.filter((name) -> COVERED.stream().anyMatch(name::startsWith))
			.collect(Collectors.toCollection(TreeSet::new));
		families.removeIf((name) -> name.endsWith("_max") && families.contains(name.substring(0, name.length() - 4)));
		return families;
	}

	private static Map<String, JsonNode> observabilityProperties() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		// The global switch first, then every concern's properties by name.
		Map<String, JsonNode> properties = new TreeMap<>(
				Comparator.comparing((String name) -> !name.equals("observability.enabled")).thenComparing(Comparator.naturalOrder()));
		for (URL url : Collections.list(DocsContractTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("observability.")) {
						properties.put(name, property);
					}
				}
			}
		}
		return properties;
	}

}
