package dev.vantage.observability.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every default the configuration metadata states for an {@code observability.*} property (some
 * written by hand, where the metadata processor cannot read an initializer) is the value the
 * properties class binds when nothing is configured.
 */
class MetadataDefaultsTests {

	private static final ConversionService conversion = ApplicationConversionService.getSharedInstance();

	@Test
	void everyStatedDefaultIsWhatThePropertiesClassBinds() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Class<?>> roots = new HashMap<>();
		List<JsonNode> properties = new ArrayList<>();
		for (URL url : Collections.list(MetadataDefaultsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = json.readTree(in);
				for (JsonNode group : metadata.path("groups")) {
					if (group.path("name").asString().startsWith("observability") && !group.has("sourceMethod")) {
						roots.put(group.path("name").asString(), Class.forName(group.path("type").asString()));
					}
				}
				for (JsonNode property : metadata.path("properties")) {
					if (property.path("name").asString().startsWith("observability.") && property.has("defaultValue")) {
						properties.add(property);
					}
				}
			}
		}
		assertThat(properties).hasSizeGreaterThan(50);
		List<String> checked = new ArrayList<>();
		for (JsonNode property : properties) {
			String name = property.path("name").asString();
			String prefix = roots.keySet()
				.stream()
				.filter((root) -> name.startsWith(root + "."))
				.max((a, b) -> Integer.compare(a.length(), b.length()))
				.orElse(null);
			if (prefix == null) {
				continue;
			}
			Object bound = new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, roots.get(prefix));
			BeanWrapperImpl wrapper = new BeanWrapperImpl(bound);
			String path = camel(name.substring(prefix.length() + 1));
			if (!wrapper.isReadableProperty(path)) {
				continue;
			}
			Object actual = wrapper.getPropertyValue(path);
			JsonNode stated = property.path("defaultValue");
			Object expected = stated.isArray()
					? conversion.convert(stated.valueStream().map(JsonNode::asString).toList(),
							TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(String.class)),
							wrapper.getPropertyTypeDescriptor(path))
					: conversion.convert(stated.asString(), TypeDescriptor.valueOf(String.class),
							wrapper.getPropertyTypeDescriptor(path));
			assertThat(actual).as(name + ": the metadata says " + stated).isEqualTo(expected);
			checked.add(name);
		}
		assertThat(checked).as("the hand-written list defaults are among those checked")
			.contains("observability.errors.client-error-types", "observability.errors.sample.headers",
					"observability.errors.masked-keys");
	}

	private static String camel(String kebab) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
