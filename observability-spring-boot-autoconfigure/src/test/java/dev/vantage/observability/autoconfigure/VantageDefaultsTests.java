package dev.vantage.observability.autoconfigure;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import dev.vantage.observability.autoconfigure.application.ApplicationDefaults;
import dev.vantage.observability.autoconfigure.logging.JsonConsoleFormat;
import dev.vantage.observability.autoconfigure.support.VantageDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class VantageDefaultsTests {

	private final List<String> warnings = new ArrayList<>();

	private final EnvironmentPostProcessor postProcessor = MetricsConfigurations
		.vantageDefaults((destination) -> recordingWarnings(this.warnings));

	@Test
	void countExemplarsAreTurnedOffAndCacheStatisticsOn() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(
				"management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]"))
			.isEqualTo("false");
		assertThat(environment.getProperty("spring.cache.caffeine.spec")).isEqualTo("recordStats");
		assertThat(environment.getProperty("spring.task.execution.propagate-context")).isEqualTo("true");
	}

	@Test
	void springSecurityFilterChainObservationsAreOffUnlessTheApplicationWantsThem() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.observations.enable.spring.security.filterchains"))
			.isEqualTo("false");
		assertThat(environment.getProperty("management.observations.enable.spring.security.http")).isEqualTo("false");
		assertThat(environment.containsProperty("management.observations.enable.spring.security.authorizations"))
			.isFalse();
		MockEnvironment own = new MockEnvironment()
			.withProperty("management.observations.enable.spring.security.filterchains", "true");
		this.postProcessor.postProcessEnvironment(own, new SpringApplication());
		assertThat(own.getProperty("management.observations.enable.spring.security.filterchains")).isEqualTo("true");
	}

	@Test
	void bootsOwnPropertiesCarryTheApplicationTagBucketsAndJsonBanner() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "shop")
			.withProperty("observability.http.slo", "300ms,2s");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("shop");
		assertThat(environment.getProperty("management.metrics.distribution.slo.http.server.requests"))
			.isEqualTo("300000000ns,2000000000ns");
		assertThat(environment.getProperty("management.metrics.distribution.slo.http.client.requests"))
			.isEqualTo("300000000ns,2000000000ns");
		assertThat(environment.getProperty("management.health.db.enabled")).as("Boot's own indicators stay").isNull();
		assertThat(environment.getProperty("management.health.r2dbc.enabled")).isNull();
		assertThat(environment.getProperty("management.health.redis.enabled")).isNull();
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("log");
		assertThat(environment.getProperty("spring.reactor.context-propagation")).as("WebFlux is on the test classpath")
			.isEqualTo("auto");
	}

	@Test
	void withoutAnApplicationNameTheServiceIsNamedAnywayAndAWarningSaysWhichPropertyToSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("observability.http.enabled", "false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.application.name"))
			.isEqualTo(ApplicationDefaults.FALLBACK_APPLICATION_NAME);
		assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("application");
		assertThat(this.warnings).singleElement().asString().contains("spring.application.name is not set");
		assertThat(environment.containsProperty("management.metrics.distribution.slo.http.server.requests")).isFalse();
	}

	@Test
	void theFallbackNameIsTheBuildArtifact(@TempDir Path classes) throws IOException {
		Files.createDirectories(classes.resolve("META-INF"));
		Files.writeString(classes.resolve("META-INF/build-info.properties"), "build.artifact=billing-service\n");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
			MockEnvironment environment = new MockEnvironment();
			this.postProcessor.postProcessEnvironment(environment,
					new SpringApplication(new DefaultResourceLoader(loader)));
			assertThat(environment.getProperty("spring.application.name")).isEqualTo("billing-service");
		}
	}

	@Test
	void anApplicationNameOfItsOwnWinsWithoutAWarning() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "shop");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.application.name")).isEqualTo("shop");
		assertThat(this.warnings).isEmpty();
	}

	/** A log that keeps the messages of its warnings. */
	private static Log recordingWarnings(List<String> warnings) {
		return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] { Log.class },
				(proxy, method, args) -> {
					if (method.getName().equals("warn")) {
						warnings.add(String.valueOf(args[0]));
					}
					return method.getReturnType().equals(boolean.class) ? Boolean.TRUE : null;
				});
	}

	@Test
	void applicationValuesWin() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.cache.caffeine.spec",
				"maximumSize=10");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.cache.caffeine.spec")).isEqualTo("maximumSize=10");
	}

	@Test
	void nothingIsAddedWhenVantageIsOff() {
		MockEnvironment environment = new MockEnvironment().withProperty("observability.enabled", "false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().stream())
			.noneMatch((source) -> source.getName().startsWith(VantageDefaults.PROPERTY_SOURCE_PREFIX));
	}

	@Test
	void jsonConsoleWhenTheApplicationHasNoLoggingConfiguration() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.structured.format.console"))
			.isEqualTo(JsonConsoleFormat.class.getName());
		assertThat(environment.getProperty("logging.charset.console")).isEqualTo("UTF-8");
		assertThat(environment.containsProperty("logging.config")).isFalse();
		assertThat(environment.getPropertySources().get("vantageLogging")).extracting(PropertySource::getSource)
			.isEqualTo(true);
		assertThat(environment.getProperty("observability.logging.env")).isEqualTo("default");
	}

	@Test
	void plainConsoleOnRequestAndEnvFromActiveProfiles() {
		MockEnvironment environment = new MockEnvironment().withProperty("observability.logging.format", "plain");
		environment.setActiveProfiles("staging", "eu");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.containsProperty("logging.structured.format.console")).isFalse();
		assertThat(environment.containsProperty("logging.charset.console")).isFalse();
		assertThat(environment.getPropertySources().get("vantageLogging")).isNotNull();
		assertThat(environment.getProperty("observability.logging.env")).isEqualTo("staging,eu");
	}

	@Test
	void loggingConfigurationOfTheApplicationWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("logging.config", "classpath:mine.xml");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.config")).isEqualTo("classpath:mine.xml");
		assertThat(environment.containsProperty("logging.structured.format.console")).isFalse();
		assertThat(environment.getPropertySources().get("vantageLogging")).isNull();
	}

	@Test
	void logbackFileOfTheApplicationWins(@TempDir Path classes) throws IOException {
		Files.writeString(classes.resolve("logback-spring.xml"), "<configuration/>");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			StandardEnvironment environment = new StandardEnvironment();
			this.postProcessor.postProcessEnvironment(environment,
					new SpringApplication(new DefaultResourceLoader(classLoader)));
			assertThat(environment.containsProperty("logging.structured.format.console")).isFalse();
			assertThat(environment.getPropertySources().get("vantageLogging")).isNull();
		}
	}

	@Test
	void anAuditFileThatCannotBeWrittenStopsStartupNamingTheProperty(@TempDir Path directory) throws IOException {
		Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
		MockEnvironment environment = new MockEnvironment().withProperty("observability.audit.file",
				notADirectory.resolve("audit.json").toString());
		assertThatIllegalStateException()
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("observability.audit.file='" + notADirectory.resolve("audit.json") + "'")
			.withMessageContaining("is not a directory");
	}

	@Test
	void withTheAuditLogOffNoAuditFileIsOpenedNorRequired(@TempDir Path directory) throws IOException {
		Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
		for (String format : List.of("json", "plain")) {
			MockEnvironment environment = new MockEnvironment().withProperty("observability.audit.enabled", "false")
				.withProperty("observability.logging.format", format)
				.withProperty("observability.audit.file", notADirectory.resolve("audit.json").toString());
			this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getPropertySources().get("vantageLogging")).extracting(PropertySource::getSource)
				.isEqualTo(false);
		}
	}

	@Test
	void anAuditFileInADirectoryYetToBeCreatedIsFine(@TempDir Path directory) {
		MockEnvironment environment = new MockEnvironment().withProperty("observability.audit.file",
				directory.resolve("a/b/audit.json").toString());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().get("vantageLogging")).extracting(PropertySource::getSource)
			.isEqualTo(true);
	}

	@Test
	void samplingNothingWhileExemplarsAreExpectedIsWarnedAbout() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "shop")
			.withProperty("management.tracing.sampling.probability", "0.0");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(this.warnings).singleElement()
			.asString()
			.contains("management.tracing.sampling.probability is 0")
			.contains("exemplar");
		this.warnings.clear();
		environment.setProperty("management.tracing.sampling.probability", "0.1");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(this.warnings).isEmpty();
	}

}
