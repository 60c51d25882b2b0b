package dev.vantage.observability.autoconfigure.rum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.support.FilterOrder;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.rum.Beacon;
import dev.vantage.observability.rum.RumIntake;
import dev.vantage.observability.rum.RumMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RumAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer(MetricsConfigurations::vantageDefaults)
		.withConfiguration(MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class,
				RumAutoConfiguration.class));

	@Test
	void offUnlessEnabledSinceTheEndpointIsPublic() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(RumIntake.class)
			.doesNotHaveBean("rumFilter"));
	}

	@Test
	void enabledOnServletAppsWithAFilterBeforeSpringSecurity() {
		this.contextRunner.withPropertyValues("observability.rum.enabled=true", "observability.rum.pages=/,/cart")
			.run((context) -> {
				assertThat(context).hasSingleBean(RumIntake.class).hasBean("rumFilter");
				assertThat(FilterOrder.RUM).isLessThan(-100);
				assertThat(context.getBean(RumMetrics.class).page("/cart")).isEqualTo("/cart");
				assertThat(context.getBean(RumMetrics.class).page("/cart?id=1")).isEqualTo(RumMetrics.OTHER);
				assertThat(context.getBean(MeterRegistry.class).find("rum.beacons.rejected").counters()).hasSize(5);
			});
	}

	@Test
	void enabledOnReactiveAppsWithAWebFilter() {
		new ReactiveWebApplicationContextRunner().withInitializer(MetricsConfigurations::vantageDefaults)
			.withConfiguration(
					MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class, RumAutoConfiguration.class))
			.withPropertyValues("observability.rum.enabled=true")
			.run((context) -> assertThat(context).hasBean("rumWebFilter").doesNotHaveBean("rumFilter"));
	}

	@Test
	void behindAProxyWhoseHeadersTheServerDoesNotReadTheSharedRateLimitIsWarnedAboutOnce(CapturedOutput output) {
		this.contextRunner.withPropertyValues("observability.rum.enabled=true").run((context) -> {
			RumEndpoint endpoint = context.getBean(RumEndpoint.class);
			for (int i = 0; i < 3; i++) {
				assertThat(endpoint.admit("POST", new RumEndpoint.BeaconRequest(null, "http://shop.example/cart",
						"shop.example", "10.0.0.2", true, 10))).isNull();
			}
			assertThat(output.getOut().split("RUM beacons arrive through a proxy", -1)).hasSize(2);
			assertThat(output).contains("server.forward-headers-strategy=native");
		});
	}

	@Test
	void springsForwardedHeaderFilterTrustingAnyoneIsWarnedAboutAtStartup(CapturedOutput output) {
		this.contextRunner.withPropertyValues("observability.rum.enabled=true", "server.forward-headers-strategy=FRAMEWORK")
			.run((context) -> assertThat(output).contains("trusts X-Forwarded-For from any client"));
	}

	@Test
	void theOriginOfAReferer() {
		assertThat(RumEndpoint.originOf("https://shop.example:8443/cart?id=1#top")).isEqualTo("https://shop.example:8443");
		assertThat(RumEndpoint.originOf("http://[::1]:8080/")).isEqualTo("http://[::1]:8080");
		assertThat(RumEndpoint.originOf("http://user:pw@shop.example/")).isEqualTo("http://shop.example");
		assertThat(RumEndpoint.originOf("/relative")).isNull();
		assertThat(RumEndpoint.originOf("http://[bad")).isNull();
		assertThat(RumEndpoint.originOf(null)).isNull();
	}

	@Test
	void switchedOffWithVantage() {
		this.contextRunner.withPropertyValues("observability.rum.enabled=true", "observability.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RumIntake.class));
	}

	@Test
	void anEmptyPageListIsWarnedAbout() {
		this.contextRunner.withPropertyValues("observability.rum.enabled=true")
			.run((context) -> assertThat(context.getBean(RumMetrics.class).page("/")).isEqualTo(RumMetrics.OTHER));
	}

	@Test
	void invalidSettingsStopStartupNamingTheProperty() {
		assertStartupFails("observability.rum.path=vantage/rum", "'observability.rum.path' must be a path");
		assertStartupFails("observability.rum.script-path=/rum.js?x=1", "'observability.rum.script-path' must be a path");
		assertStartupFails("observability.rum.pages=/,products", "'observability.rum.pages' must be a path");
		assertStartupFails("observability.rum.path=/rum\"+alert(1)+\"", "'observability.rum.path' must be a path");
		assertStartupFails("observability.rum.allowed-origins=https://www.example.com/shop",
				"'observability.rum.allowed-origins' must list origins");
		assertStartupFails("observability.rum.allowed-origins=*", "'observability.rum.allowed-origins' must list origins");
		assertStartupFails("observability.rum.max-body-size=0", "'observability.rum.max-body-size' must be positive");
		assertStartupFails("observability.rum.max-body-size=2MB", "'observability.rum.max-body-size' must be at most 1MB");
		assertStartupFails("observability.rum.max-beacons-per-client=0",
				"'observability.rum.max-beacons-per-client' must be at least 1, was 0");
		assertStartupFails("observability.rum.rate-limit-window=0s",
				"'observability.rum.rate-limit-window' must be positive");
		assertStartupFails("observability.rum.max-tracked-clients=0",
				"'observability.rum.max-tracked-clients' must be at least 1, was 0");
	}

	@Test
	void beaconsAreParsedStrictly() {
		Beacon beacon = BeaconParser.parse(bytes(
				"{\"page\":\"/\",\"view\":true,\"errors\":2,\"extra\":{\"a\":[1]},\"metrics\":[{\"name\":\"LCP\",\"value\":812.5,\"id\":\"v5-1\"}]}"));
		assertThat(beacon).isEqualTo(new Beacon("/", true, 2, List.of(new Beacon.Measurement("LCP", 812.5))));
		for (String malformed : new String[] { "", "null", "[]", "{", "{\"page\":1}", "{\"view\":true}",
				"{\"page\":\"/\",\"view\":\"yes\"}", "{\"page\":\"/\",\"errors\":1.5}",
				"{\"page\":\"/\",\"errors\":99999999999999999999999}", "{\"page\":\"/\",\"metrics\":{}}",
				"{\"page\":\"/\",\"metrics\":[1]}", "{\"page\":\"/\",\"metrics\":[{\"name\":\"LCP\"}]}",
				"{\"page\":\"/\",\"metrics\":[{\"name\":\"LCP\",\"value\":\"1\"}]}",
				"{\"page\":\"/\",\"metrics\":[{\"name\":\"LCP\",\"value\":NaN}]}", "{\"page\":\"/\"} {}",
				"\u0000\u0001" }) {
			assertThat(BeaconParser.parse(bytes(malformed))).as(malformed).isNull();
		}
	}

	@Test
	void theScriptServesThePinnedWebVitalsCopyUnchangedAndTheConfiguredPaths() throws Exception {
		Properties pinned = new Properties();
		try (InputStream in = resource("META-INF/vantage/web-vitals/web-vitals.properties")) {
			pinned.load(in);
		}
		byte[] copy;
		try (InputStream in = resource(RumScript.WEB_VITALS)) {
			copy = in.readAllBytes();
		}
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(copy)))
			.as("web-vitals.iife.js must be written by web-vitals/update.sh, never edited")
			.isEqualTo(pinned.getProperty("sha256"));
		assertThat(resource("META-INF/vantage/web-vitals/LICENSE")).isNotNull();
		RumScript script = new RumScript("/assets/rum.js", "/beacons");
		String text = new String(script.bytes(), StandardCharsets.UTF_8);
		assertThat(text).contains("var webVitals=", "\"script\":\"/assets/rum.js\"", "\"beacon\":\"/beacons\"",
				"navigator.sendBeacon", "keepalive").doesNotContain("sourceMappingURL");
		assertThat(script.etag()).matches("\"[0-9a-f]{32}\"");
		assertThat(new RumScript("/vantage/rum.js", "/vantage/rum").etag()).isNotEqualTo(script.etag());
	}

	private void assertStartupFails(String property, String message) {
		this.contextRunner.withPropertyValues("observability.rum.enabled=true", property)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(message));
	}

	private static InputStream resource(String name) throws IOException {
		InputStream in = RumAutoConfigurationTests.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IOException(name + " is missing");
		}
		return in;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
