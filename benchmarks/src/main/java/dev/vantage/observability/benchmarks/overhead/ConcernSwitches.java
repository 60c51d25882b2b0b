package dev.vantage.observability.benchmarks.overhead;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every concern's switch ({@code observability.<concern>.enabled}) with its description, read
 * from the configuration metadata of the Vantage build inside the Boot jar under test, so that
 * a concern added to Vantage is in the ablation without anyone listing it here.
 */
final class ConcernSwitches {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final String PREFIX = "observability.";

	private static final String SUFFIX = ".enabled";

	private ConcernSwitches() {
	}

	/**
	 * One concern's switch.
	 * @param name the concern, as in its properties ({@code http}, {@code db}, ...)
	 * @param description what the switch does
	 * @param onByDefault whether the concern is on unless switched off
	 */
	record Concern(String name, String description, boolean onByDefault) {
	}

	/**
	 * The concerns of the Vantage build a Boot jar holds.
	 * @param bootJar an application's executable jar
	 * @return each concern, in the metadata's order
	 */
	static List<Concern> of(Path bootJar) throws IOException {
		try (ZipFile jar = new ZipFile(bootJar.toFile())) {
			Enumeration<? extends ZipEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (entry.getName().matches("BOOT-INF/lib/observability-spring-boot-autoconfigure-[^/]*\\.jar")) {
					return fromMetadata(metadata(jar.getInputStream(entry)));
				}
			}
		}
		throw new IllegalArgumentException(bootJar + " holds no Vantage auto-configuration");
	}

	private static byte[] metadata(InputStream nestedJar) throws IOException {
		try (ZipInputStream in = new ZipInputStream(nestedJar)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(METADATA)) {
					return in.readAllBytes();
				}
			}
		}
		throw new IllegalArgumentException("Vantage's auto-configuration jar has no " + METADATA);
	}

	/**
	 * The concerns in a configuration metadata document: the properties named
	 * {@code observability.<one segment>.enabled}, in their order.
	 * @param metadata the JSON document
	 * @return each concern, in the metadata's order
	 */
	static List<Concern> fromMetadata(byte[] metadata) {
		List<Concern> concerns = new ArrayList<>();
		for (JsonNode property : JsonMapper.shared().readTree(metadata).path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length()) {
				String concern = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
				if (!concern.contains(".")) {
					concerns.add(new Concern(concern, property.path("description").asString(""),
							property.path("defaultValue").asBoolean(true)));
				}
			}
		}
		if (concerns.isEmpty()) {
			throw new IllegalArgumentException("No observability.<concern>.enabled property in the metadata");
		}
		return concerns;
	}

	/** The arguments that switch every concern off. */
	static List<String> allOff(List<Concern> concerns) {
		return concerns.stream().map((concern) -> "--" + PREFIX + concern.name() + SUFFIX + "=false").toList();
	}

	/** The argument that switches one concern on. */
	static String on(String concern) {
		return "--" + PREFIX + concern + SUFFIX + "=true";
	}

}
