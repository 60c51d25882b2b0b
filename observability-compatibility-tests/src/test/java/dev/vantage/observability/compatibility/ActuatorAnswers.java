package dev.vantage.observability.compatibility;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import dev.vantage.observability.testsupport.Http;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an application answers as Boot made it: the actuator's links, the health components,
 * the status of every path a case names (anonymous and, where the case has credentials,
 * authenticated), the bodies of its own endpoints, its bean names and its JMX endpoints.
 */
record ActuatorAnswers(Set<String> links, Set<String> healthComponents, Map<String, String> answers,
		Set<String> beanNames, Set<String> jmxEndpoints) {

	private static final JsonMapper json = JsonMapper.builder().build();

	static ActuatorAnswers of(IsolatedApplication application, CompatibilityCase compatibilityCase) {
		Map<String, String> answers = new LinkedHashMap<>();
		Set<String> links = new TreeSet<>();
		Set<String> components = new TreeSet<>();
		if (application.port() != null) {
			Http management = application.management();
			String[] headers = compatibilityCase.headers();
			HttpResponse<String> root = management.get(compatibilityCase.actuatorPath(""), headers);
			answers.put("GET " + compatibilityCase.actuatorPath(""), String.valueOf(root.statusCode()));
			if (root.statusCode() == 200) {
				json.readTree(root.body()).path("_links").propertyNames().forEach(links::add);
			}
			HttpResponse<String> health = management.get(compatibilityCase.healthPath(), headers);
			json.readTree(health.body()).path("components").propertyNames().forEach(components::add);
			for (String path : compatibilityCase.managementPaths()) {
				answers.put("GET management:" + path, status(management, path));
				if (compatibilityCase.hasCredentials()) {
					answers.put("GET management:" + path + " authenticated", status(management, path, headers));
				}
			}
			Http server = application.http();
			for (String path : compatibilityCase.serverPaths()) {
				HttpResponse<String> response = server.get(path, headers);
				// An error body carries a timestamp: its status is the answer.
				answers.put("GET server:" + path,
						response.statusCode() + ((response.statusCode() == 200) ? " " + response.body() : ""));
			}
		}
		if (compatibilityCase.hasScenario()) {
			answers.put("scenario", application.scenario());
		}
		return new ActuatorAnswers(links, components, answers, application.beanNames(), registeredJmxEndpoints());
	}

	private static String status(Http http, String path, String... headers) {
		return String.valueOf(http.get(path, headers).statusCode());
	}

	private static Set<String> registeredJmxEndpoints() {
		try {
			Set<String> names = new TreeSet<>();
			ManagementFactory.getPlatformMBeanServer()
				.queryNames(new ObjectName("org.springframework.boot:type=Endpoint,*"), null)
				.forEach((name) -> names.add(name.getKeyProperty("name")));
			return names;
		}
		catch (MalformedObjectNameException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
