package dev.vantage.observability.autoconfigure.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every concern shares depends on no concern, so that no concern depends on another through it. */
class SupportPackageTests {

	private static final Path SOURCES = Path.of("src/main/java/dev/vantage/observability/autoconfigure");

	private static final Pattern VANTAGE_IMPORT = Pattern
		.compile("^import (?:static )?dev\\.vantage\\.observability\\.autoconfigure\\.(\\w+)\\.", Pattern.MULTILINE);

	@Test
	void theSupportPackageImportsNoConcern() throws IOException {
		try (Stream<Path> files = Files.list(SOURCES.resolve("support"))) {
			List<Path> sources = files.filter((file) -> file.toString().endsWith(".java")).toList();
			assertThat(sources).hasSizeGreaterThan(5);
			for (Path source : sources) {
				Matcher imports = VANTAGE_IMPORT.matcher(Files.readString(source));
				while (imports.find()) {
					assertThat(imports.group(1)).as("%s imports %s", source.getFileName(), imports.group())
						.isEqualTo("support");
				}
			}
		}
	}

	@Test
	void noConcernImportsTheRootPackage() throws IOException {
		Pattern root = Pattern.compile("^import dev\\.vantage\\.observability\\.autoconfigure\\.[A-Z]", Pattern.MULTILINE);
		try (Stream<Path> files = Files.walk(SOURCES, 2)) {
			List<Path> concerns = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.getParent().equals(SOURCES))
				.toList();
			assertThat(concerns).hasSizeGreaterThan(50);
			for (Path source : concerns) {
				assertThat(root.matcher(Files.readString(source)).find()).as("%s imports the root package", source)
					.isFalse();
			}
		}
	}

}
