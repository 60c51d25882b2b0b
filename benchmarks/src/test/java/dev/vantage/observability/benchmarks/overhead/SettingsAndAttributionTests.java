package dev.vantage.observability.benchmarks.overhead;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsAndAttributionTests {

	private static final Settings DEFAULTS = new Settings(20, 5, 30, 8, 5);

	@Test
	void settingsFollowTheModeAndDefaultWhenLeftOut() {
		assertThat(Settings.parse(new String[] { "shop.jar", "agent.jar", "ablation", "3", "2" }, 3, DEFAULTS))
			.isEqualTo(new Settings(3, 2, 30, 8, 5));
		assertThat(Settings.parse(new String[] { "a", "b" }, 2, DEFAULTS)).isEqualTo(DEFAULTS);
	}

	@Test
	void badSettingsNameTheirParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Settings.parse(new String[] { "a", "b", "x" }, 2, DEFAULTS))
			.withMessageContaining("'rounds'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Settings.parse(new String[] { "a", "b", "1", "0" }, 2, DEFAULTS))
			.withMessageContaining("'burstSeconds'");
	}

	@Test
	void bareBaselineRunsTheVariantsNamedInTheirUsualOrder() {
		assertThat(BareBaseline.variants(null)).containsExactly(BareBaseline.BARE, BareBaseline.BARE_SECURITY,
				BareBaseline.VANTAGE, BareBaseline.AGENT, BareBaseline.DATASOURCE_MICROMETER);
		assertThat(BareBaseline.variants(" vantage , bare-security")).containsExactly(BareBaseline.BARE_SECURITY,
				BareBaseline.VANTAGE);
		assertThatIllegalArgumentException().isThrownBy(() -> BareBaseline.variants("vantage,bare-secruity"))
			.withMessageContaining("VARIANTS")
			.withMessageContaining("'bare-secruity'");
	}

	@Test
	void vantageFramesAreAttributedToTheirConcern() {
		assertThat(JfrAttribution.isVantage("dev.vantage.observability.autoconfigure.db.StatementObserver")).isTrue();
		assertThat(JfrAttribution.isVantage("net.ttddyy.dsproxy.proxy.StatementProxyLogic")).isFalse();
		assertThat(JfrAttribution.isVantage("dev.vantage.observability.benchmarks.ScrapeBenchmark")).isFalse();
		assertThat(JfrAttribution.isVantage("org.springframework.web.servlet.DispatcherServlet")).isFalse();
		assertThat(JfrAttribution.concernOf("dev.vantage.observability.autoconfigure.db.StatementObserver"))
			.isEqualTo("db");
		assertThat(JfrAttribution.concernOf("dev.vantage.observability.audit.AuditEvent")).isEqualTo("audit");
		assertThat(JfrAttribution.concernOf("net.logstash.logback.encoder.LogstashEncoder"))
			.isEqualTo("logging (JSON encoder)");
		assertThat(JfrAttribution.isLibrary("io.micrometer.core.instrument.Timer")).isTrue();
		assertThat(JfrAttribution.isLibrary("dev.vantage.observability.tenant.TenantContext")).isFalse();
	}

}
