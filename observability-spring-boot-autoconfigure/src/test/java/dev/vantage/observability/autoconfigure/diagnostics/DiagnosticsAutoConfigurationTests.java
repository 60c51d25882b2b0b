package dev.vantage.observability.autoconfigure.diagnostics;

import dev.vantage.observability.autoconfigure.MetricsConfigurations;
import dev.vantage.observability.autoconfigure.audit.AuditAutoConfiguration;
import dev.vantage.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import dev.vantage.observability.autoconfigure.diagnostics.VantageReport.Concern;
import dev.vantage.observability.autoconfigure.diagnostics.VantageReport.State;
import dev.vantage.observability.autoconfigure.endpoints.EndpointsAutoConfiguration;
import dev.vantage.observability.autoconfigure.http.HttpMetricsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(MetricsConfigurations.withRegistry(CardinalityAutoConfiguration.class,
				HttpMetricsAutoConfiguration.class, AuditAutoConfiguration.class,
				EndpointsAutoConfiguration.class, DiagnosticsAutoConfiguration.class));

	@Test
	void eachConcernIsOnOffByPropertyOrSkippedWithBootsOwnReason() {
		this.contextRunner.withPropertyValues("observability.audit.enabled=false")
			.run((context) -> {
				VantageReport report = context.getBean(VantageReport.class);
				assertThat(report.concerns()).contains(new Concern("cardinality", State.ON, null),
						new Concern("audit", State.OFF, "observability.audit.enabled is false"));
				assertThat(report.concerns()).filteredOn((concern) -> concern.name().equals("endpoints"))
					.singleElement()
					.satisfies((endpoints) -> {
						assertThat(endpoints.state()).isEqualTo(State.SKIPPED);
						assertThat(endpoints.reason()).as("Boot's own reason").contains("not a servlet web application");
					});
				assertThat(report.summary()).startsWith("Vantage 0.1.0-SNAPSHOT on Spring Boot "
						+ SpringBootVersion.getVersion() + ": on cardinality")
					.contains("off audit (observability.audit.enabled is false)")
					.contains("skipped endpoints (");
			});
	}

	@Test
	void versionsForABugReport() {
		this.contextRunner.run((context) -> assertThat(context.getBean(VantageReport.class).versions())
			.containsEntry("vantage", "0.1.0-SNAPSHOT")
			.containsEntry("spring-boot", SpringBootVersion.getVersion())
			.containsKeys("micrometer", "micrometer-tracing", "opentelemetry", "java")
			.doesNotContainValue("unknown"));
	}

	@Test
	void theEndpointAnswersWithTheReport() {
		this.contextRunner.run((context) -> assertThat(context.getBean(VantageEndpoint.class).vantage())
			.containsOnlyKeys("versions", "concerns"));
	}

	@Test
	void noEndpointWithoutTheActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasSingleBean(VantageReport.class)
				.doesNotHaveBean(VantageEndpoint.class));
	}

	@Test
	void switchedOffWithVantage() {
		this.contextRunner.withPropertyValues("observability.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(VantageReport.class)
				.doesNotHaveBean(VantageEndpoint.class));
	}

}
