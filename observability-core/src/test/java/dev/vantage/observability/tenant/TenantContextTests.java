package dev.vantage.observability.tenant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class TenantContextTests {

	@AfterEach
	void clear() {
		TenantContext.clear();
	}

	@Test
	void tenantIsNoneWhenUnknown() {
		assertThat(TenantContext.current()).isEqualTo("none");
	}

	@Test
	void scopeRestoresThePreviousTenantAndMdc() {
		TenantContext.set("outer");
		try (TenantContext.Scope scope = TenantContext.open("inner\r\n")) {
			assertThat(TenantContext.current()).isEqualTo("inner");
			assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo("inner");
		}
		assertThat(TenantContext.current()).isEqualTo("outer");
		assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo("outer");
	}

	@Test
	void closingTheOutermostScopeClearsTenantAndMdc() {
		try (TenantContext.Scope scope = TenantContext.open("acme")) {
			assertThat(TenantContext.current()).isEqualTo("acme");
		}
		assertThat(TenantContext.current()).isEqualTo("none");
		assertThat(MDC.get(TenantContext.MDC_KEY)).isNull();
	}

	@Test
	void unknownTenantIsNotLogged() {
		try (TenantContext.Scope scope = TenantContext.open("  \r\n")) {
			assertThat(TenantContext.current()).isEqualTo("none");
			assertThat(TenantContext.currentOrNull()).isNull();
			assertThat(MDC.get(TenantContext.MDC_KEY)).isNull();
		}
	}

}
