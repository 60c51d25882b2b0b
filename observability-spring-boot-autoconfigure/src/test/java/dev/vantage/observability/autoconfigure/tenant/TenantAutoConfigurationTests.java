package dev.vantage.observability.autoconfigure.tenant;

import java.util.concurrent.atomic.AtomicReference;

import dev.vantage.observability.tenant.TenantContext;
import dev.vantage.observability.autoconfigure.support.FilterOrder;
import dev.vantage.observability.tenant.TenantRequest;
import dev.vantage.observability.tenant.TenantResolver;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TenantAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class));

	@Test
	void defaultResolverReadsTheConfiguredHeader() {
		this.contextRunner.withPropertyValues("observability.tenant.header=X-Shop").run((context) -> {
			assertThat(context.getBean(TenantResolver.class).resolveTenant(request("X-Shop", "acme"))).isEqualTo("acme");
			assertThat(context).hasBean("tenantContextFilter");
			assertThat(context.getBean("tenantContextFilter", FilterRegistrationBean.class).getOrder())
				.isEqualTo(FilterOrder.TENANT);
		});
	}

	@Test
	void withAnAllowListAHeaderOutsideItIsUnknown() {
		this.contextRunner.withPropertyValues("observability.tenant.allowed=acme,globex").run((context) -> {
			TenantResolver resolver = context.getBean(TenantResolver.class);
			assertThat(resolver.resolveTenant(request("X-Tenant-Id", "acme"))).isEqualTo("acme");
			assertThat(resolver.resolveTenant(request("X-Tenant-Id", "initech"))).isEqualTo("unknown");
			assertThat(resolver.resolveTenant(request("X-Other", "acme"))).isNull();
		});
	}

	@Test
	void userResolverWins() {
		this.contextRunner.withUserConfiguration(UserResolver.class).run((context) -> {
			assertThat(context).hasSingleBean(TenantResolver.class);
			assertThat(context.getBean(TenantResolver.class).resolveTenant(request("X-Tenant-Id", "acme")))
				.isEqualTo("fixed");
		});
	}

	@Test
	void servletFilterBacksOffWithoutServletApiWhileTheResolverStays() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpServletRequest.class)).run((context) -> {
			assertThat(context).hasSingleBean(TenantResolver.class);
			assertThat(context).doesNotHaveBean("tenantContextFilter");
		});
	}

	@Test
	void filterMakesTheResolvedTenantCurrentForTheRequest() throws Exception {
		this.contextRunner.run((context) -> {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.addHeader("X-Tenant-Id", "acme");
			AtomicReference<String> seen = new AtomicReference<>();
			context.getBean("tenantContextFilter", FilterRegistrationBean.class)
				.getFilter()
				.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(TenantContext.current()));
			assertThat(seen).hasValue("acme");
			assertThat(TenantContext.currentOrNull()).isNull();
		});
	}

	private static TenantRequest request(String header, String value) {
		return new TenantRequest() {

			@Override
			public String header(String name) {
				return name.equalsIgnoreCase(header) ? value : null;
			}

			@Override
			public String path() {
				return "/";
			}

		};
	}

	@Test
	void backsOffOutsideWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TenantResolver.class));
	}

	@Test
	void switchedOffWithVantage() {
		this.contextRunner.withPropertyValues("observability.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TenantResolver.class));
	}

	@Test
	void blankHeaderFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("observability.tenant.header= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("observability.tenant.header"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolver {

		@Bean
		TenantResolver userTenantResolver() {
			return (request) -> "fixed";
		}

	}

}
