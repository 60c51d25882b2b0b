package dev.vantage.observability.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation as a newcomer walks it: every relative link of the README,
 * {@code CONTRIBUTING.md} and {@code docs/} resolves (to a file, and to a heading where it names
 * one), and the README stays short and links every page of {@code docs/}.
 */
class DocsLinksTests {

	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private static final Pattern FENCED = Pattern.compile("(?ms)^```.*?^```");

	@Test
	void everyRelativeLinkResolvesToAFileAndItsHeading() throws IOException {
		List<String> broken = new ArrayList<>();
		List<Path> pages = pages();
		assertThat(pages).hasSizeGreaterThan(20);
		for (Path page : pages) {
			Matcher link = LINK.matcher(FENCED.matcher(Files.readString(page)).replaceAll(""));
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("^(https?|mailto):.*")) {
					continue;
				}
				String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
				Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
				String where = Docs.ROOT.relativize(page) + ": " + target;
				if (!Files.exists(resolved)) {
					broken.add(where + " (no such file)");
				}
				else if (target.contains("#") && resolved.toString().endsWith(".md")
						&& !anchors(resolved).contains(target.substring(target.indexOf('#') + 1))) {
					broken.add(where + " (no such heading)");
				}
			}
		}
		assertThat(broken).as("broken links").isEmpty();
	}

	@Test
	void readmeIsShortAndLinksEveryPage() throws IOException {
		String readme = Docs.text("README.md");
		assertThat(readme.lines().count()).as("README lines").isLessThanOrEqualTo(200);
		try (Stream<Path> docs = Files.list(Docs.ROOT.resolve("docs"))) {
			assertThat(docs.filter((file) -> file.toString().endsWith(".md")).toList()).isNotEmpty()
				.allSatisfy((page) -> assertThat(readme).as("README links " + page.getFileName())
					.contains("](docs/" + page.getFileName() + ")"));
		}
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(Docs.ROOT.resolve("README.md"), Docs.ROOT.resolve("CONTRIBUTING.md"),
				Docs.ROOT.resolve("benchmarks/NOTES.md")));
		try (Stream<Path> docs = Files.walk(Docs.ROOT.resolve("docs"))) {
			docs.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	/** GitHub's anchors of a page's headings: lower case, spaces as dashes, punctuation dropped. */
	private static List<String> anchors(Path page) throws IOException {
		List<String> anchors = new ArrayList<>();
		for (String line : FENCED.matcher(Files.readString(page)).replaceAll("").split("\n")) {
			if (line.startsWith("#")) {
				String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
				anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}

}
