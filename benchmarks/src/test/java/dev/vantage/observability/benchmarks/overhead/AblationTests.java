package dev.vantage.observability.benchmarks.overhead;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import dev.vantage.observability.benchmarks.overhead.ConcernSwitches.Concern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AblationTests {

	private static final Variant OFF = RequestOverhead.OFF;

	private static final Variant ON = RequestOverhead.VANTAGE;

	@Test
	void theConcernsAreTheSwitchesOfVantagesOwnMetadata() throws IOException {
		List<Concern> concerns = ConcernSwitches.fromMetadata(vantageMetadata());
		assertThat(concerns).extracting(Concern::name)
			.contains("application", "audit", "business", "cache", "db", "errors", "health", "http", "rum", "security")
			.doesNotContain("", "security.suspicious-requests");
		assertThat(concerns).filteredOn((concern) -> concern.name().equals("rum"))
			.singleElement()
			.satisfies((rum) -> assertThat(rum.onByDefault()).isFalse());
		assertThat(concerns).allSatisfy((concern) -> assertThat(concern.description()).startsWith("Whether"));
	}

	@Test
	void coreSwitchesEveryConcernOffAndEachConcernOnByDefaultIsPricedAlone() throws IOException {
		List<Concern> concerns = ConcernSwitches.fromMetadata(vantageMetadata());
		List<Variant> variants = Ablation.of(concerns, OFF, ON);
		Variant core = variants.get(0);
		assertThat(core.baseline()).isEqualTo(OFF);
		for (Concern concern : concerns) {
			assertThat(core.arguments()).contains("--observability." + concern.name() + ".enabled=false");
		}
		for (Concern concern : concerns.stream().filter(Concern::onByDefault).toList()) {
			assertThat(variants).as(concern.name())
				.anySatisfy((variant) -> assertThat(variant.arguments())
					.contains("--observability." + concern.name() + ".enabled=true")
					.doesNotContain("--observability." + concern.name() + ".enabled=false"));
		}
		assertThat(variants).extracting(Variant::name).doesNotContain("rum");
		assertThat(variants).extracting(Variant::name).endsWith("on").contains("db-spans", "suspicious", "tenant", "json");
		assertThat(variants).allSatisfy((variant) -> assertThat(variant.baseline()).isNotNull());
	}

	@Test
	void pricingASecondStepUsesTheFirstAsItsBaseline() {
		List<Variant> variants = Ablation.of(List.of(new Concern("db", "Whether", true), new Concern("security",
				"Whether", true)), OFF, ON);
		Variant spans = variants.stream().filter((variant) -> variant.name().equals("db-spans")).findFirst().orElseThrow();
		assertThat(spans.baseline().arguments()).containsAll(spans.arguments())
			.contains("--management.observations.enable.jdbc=false");
		Variant suspicious = variants.stream()
			.filter((variant) -> variant.name().equals("suspicious"))
			.findFirst()
			.orElseThrow();
		assertThat(suspicious.baseline().arguments()).contains("--observability.security.suspicious-requests.enabled=false");
	}

	@Test
	void laterArgumentsReplaceEarlierOnesOfTheSameProperty() {
		assertThat(Variant.with(List.of("--a=1", "--b=2"), "--a=3")).containsExactly("--b=2", "--a=3");
		assertThatIllegalArgumentException().isThrownBy(() -> Variant.with(List.of("a"), "--a=1"))
			.withMessageContaining("--property=value");
	}

	@Test
	void metadataWithoutAnySwitchIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConcernSwitches.fromMetadata("{\"properties\":[]}".getBytes(StandardCharsets.UTF_8)));
	}

	/** The metadata of the Vantage build on the test class path. */
	private static byte[] vantageMetadata() throws IOException {
		for (URL url : Collections.list(AblationTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			if (url.toString().contains("observability-spring-boot-autoconfigure")) {
				try (InputStream in = url.openStream()) {
					return in.readAllBytes();
				}
			}
		}
		throw new IllegalStateException("Vantage's configuration metadata is not on the test class path");
	}

}
