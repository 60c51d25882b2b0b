package dev.vantage.observability.compatibility;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One ordinary application as its users configure it: which application, which libraries
 * it leaves out of the class path, its arguments, the paths whose answers must not change.
 * {@link #assertVantageKeepsBootsAnswers()} starts it without and then with Vantage.
 */
final class CompatibilityCase {

	static final Set<String> TOMCAT = Set.of("spring-boot-starter-tomcat", "spring-boot-starter-tomcat-runtime",
			"spring-boot-tomcat", "tomcat-embed-*");

	static final Set<String> JETTY = Set.of("spring-boot-starter-jetty", "spring-boot-starter-jetty-runtime",
			"spring-boot-jetty", "jetty-*");

	static final Set<String> SPRING_MVC = Set.of("spring-boot-starter-webmvc", "spring-boot-webmvc", "spring-webmvc");

	static final Set<String> LOGBACK = Set.of("spring-boot-starter-logging", "logback-classic", "logback-core",
			"log4j-to-slf4j");

	static final Set<String> LOG4J2 = Set.of("spring-boot-starter-log4j2", "log4j-core", "log4j-slf4j2-impl",
			"log4j-jul");

	static final Set<String> BRAVE = Set.of("spring-boot-micrometer-tracing-brave", "micrometer-tracing-bridge-brave",
			"brave", "brave-*");

	static final Set<String> SPRING_SECURITY = Set.of("spring-boot-starter-security", "spring-boot-security",
			"spring-security-*");

	static final Set<String> JDBC = Set.of("spring-boot-starter-jdbc", "spring-boot-jdbc", "spring-jdbc", "HikariCP");

	static final Set<String> REDIS = Set.of("spring-boot-starter-data-redis", "spring-boot-data-redis",
			"spring-data-redis", "lettuce-core", "jedis");

	static final Set<String> R2DBC = Set.of("spring-boot-r2dbc", "spring-r2dbc", "r2dbc-h2");

	/** Vantage's additions an application may see beside Boot's answers. */
	private static final Set<String> VANTAGE_LINKS = Set.of("info", "prometheus");

	private static final Set<String> VANTAGE_HEALTH_COMPONENTS = Set.of("dependencies");

	/**
	 * Boot's stand-in tracer for an application without a tracing bridge: the starter brings
	 * OpenTelemetry's, and Boot's real tracer takes its place.
	 */
	private static final Set<String> BOOT_BEANS_A_TRACER_REPLACES = Set.of("noopTracer",
			"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration");

	private final String application;

	private final Set<String> leftOut = new LinkedHashSet<>();

	private final List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=case",
			"--management.endpoint.health.show-components=always", "--spring.main.banner-mode=off"));

	private final List<String> managementPaths = new ArrayList<>();

	private final List<String> serverPaths = new ArrayList<>();

	private String actuatorBasePath = "/actuator";

	private String healthPath = "/health";

	private String[] headers = {};

	private boolean credentials;

	private boolean scenario;

	private String vantageMeter = "http_server_tenant_requests_seconds_count";

	private CompatibilityCase(String application, Set<String> leftOut) {
		this.application = application;
		this.leftOut.addAll(leftOut);
	}

	/** A Spring MVC application on Tomcat with Logback, the OpenTelemetry tracer's absence, no Redis or R2DBC. */
	static CompatibilityCase servlet(Class<?> application) {
		return new CompatibilityCase(application.getName(), union(JETTY, LOG4J2, BRAVE, REDIS, R2DBC))
			.serverPaths("/hello")
			.managementPaths("/actuator", "/actuator/health", "/actuator/health/liveness",
					"/actuator/health/readiness", "/actuator/env", "/actuator/beans");
	}

	/** A WebFlux application on Netty. */
	static CompatibilityCase reactive(Class<?> application) {
		return new CompatibilityCase(application.getName(),
				union(TOMCAT, JETTY, SPRING_MVC, LOG4J2, BRAVE, REDIS, R2DBC, JDBC))
			.serverPaths("/hello")
			.managementPaths("/actuator", "/actuator/health", "/actuator/health/liveness",
					"/actuator/health/readiness", "/actuator/env", "/actuator/beans");
	}

	/** An application without a web server; its {@code scenario} bean is what is compared. */
	static CompatibilityCase noWebServer(Class<?> application) {
		CompatibilityCase noWeb = new CompatibilityCase(application.getName(),
				union(JETTY, LOG4J2, BRAVE, REDIS, R2DBC));
		noWeb.scenario = true;
		return noWeb.args("--spring.main.web-application-type=none");
	}

	CompatibilityCase args(String... more) {
		this.args.addAll(List.of(more));
		return this;
	}

	CompatibilityCase leaveOut(Set<String> artifacts) {
		this.leftOut.addAll(artifacts);
		return this;
	}

	CompatibilityCase keep(Set<String> artifacts) {
		this.leftOut.removeAll(artifacts);
		return this;
	}

	/** Paths on the management server (the application's own server unless it has a port of its own). */
	CompatibilityCase managementPaths(String... paths) {
		this.managementPaths.addAll(List.of(paths));
		return this;
	}

	/** Paths on the application's server, compared with their bodies. */
	CompatibilityCase serverPaths(String... paths) {
		this.serverPaths.addAll(List.of(paths));
		return this;
	}

	/** The actuator's base path as the case configures it, and the paths under it to compare. */
	CompatibilityCase actuatorBasePath(String basePath, String... paths) {
		this.actuatorBasePath = basePath;
		this.managementPaths.clear();
		this.managementPaths.add(basePath);
		for (String path : paths) {
			this.managementPaths.add(basePath + path);
		}
		return this;
	}

	/** Where the health endpoint is under the base path, as the case maps it. */
	CompatibilityCase healthPath(String path) {
		this.healthPath = path;
		return this;
	}

	CompatibilityCase credentials(String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.headers = new String[] { "Authorization", "Basic " + token };
		this.credentials = true;
		return this;
	}

	/** A meter only Vantage registers, which the run with Vantage must show. */
	CompatibilityCase vantageMeter(String series) {
		this.vantageMeter = series;
		return this;
	}

	String actuatorPath(String path) {
		return this.actuatorBasePath + path;
	}

	String healthPath() {
		return this.actuatorBasePath + this.healthPath;
	}

	/** The headers of every request: the credentials where the case has them. */
	String[] headers() {
		return this.headers;
	}

	boolean hasCredentials() {
		return this.credentials;
	}

	List<String> managementPaths() {
		return this.managementPaths;
	}

	List<String> serverPaths() {
		return this.serverPaths;
	}

	boolean hasScenario() {
		return this.scenario;
	}

	/**
	 * Starts the application without Vantage, then with it, and asserts that Boot's answers
	 * are the same, Vantage's additions aside, and that Vantage observed it.
	 * @return the answers of the run with Vantage
	 * @throws Exception if an application cannot be closed
	 */
	ActuatorAnswers assertVantageKeepsBootsAnswers() throws Exception {
		ActuatorAnswers without;
		try (IsolatedApplication application = start(false)) {
			without = ActuatorAnswers.of(application, this);
		}
		ActuatorAnswers with;
		String scrape;
		try (IsolatedApplication application = start(true)) {
			with = ActuatorAnswers.of(application, this);
			scrape = application.scrape();
		}
		assertThat(with.answers()).as("statuses, bodies and scenario with Vantage").isEqualTo(without.answers());
		assertThat(difference(without.links(), with.links())).as("actuator links missing with Vantage").isEmpty();
		assertThat(difference(with.links(), without.links())).as("links Vantage adds").isSubsetOf(VANTAGE_LINKS);
		assertThat(difference(without.healthComponents(), with.healthComponents()))
			.as("Boot's health components missing with Vantage")
			.isEmpty();
		assertThat(difference(with.healthComponents(), without.healthComponents()))
			.as("health components Vantage adds")
			.isSubsetOf(VANTAGE_HEALTH_COMPONENTS);
		assertThat(difference(without.beanNames(), with.beanNames())).as("Boot's and the application's beans missing "
				+ "with Vantage").isSubsetOf(BOOT_BEANS_A_TRACER_REPLACES);
		assertThat(difference(without.jmxEndpoints(), with.jmxEndpoints())).as("JMX endpoints missing with Vantage")
			.isEmpty();
		assertThat(scrape).as("Vantage's meters").contains(this.vantageMeter);
		assertThat(scrape.lines().filter((line) -> line.startsWith("observability_internal_errors_total{")))
			.as("failures inside Vantage")
			.allSatisfy((line) -> assertThat(line).endsWith(" 0.0"));
		return with;
	}

	private IsolatedApplication start(boolean withVantage) {
		return IsolatedApplication.start(this.application, withVantage, this.leftOut, this.args.toArray(String[]::new));
	}

	private static Set<String> difference(Set<String> all, Set<String> some) {
		Set<String> difference = new LinkedHashSet<>(all);
		difference.removeAll(some);
		return difference;
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		Set<String> union = new LinkedHashSet<>();
		for (Set<String> set : sets) {
			union.addAll(set);
		}
		return union;
	}

}
