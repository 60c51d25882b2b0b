package dev.vantage.observability.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's documentation (the README, {@code docs/}, {@code CONTRIBUTING.md}), read as the
 * contract it is: its tables are checked against the code, its links against the tree.
 */
public final class Docs {

	/** The repository's root, seen from a module's directory. */
	public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private Docs() {
	}

	/** A documentation file's text, by its path from the repository's root. */
	public static String text(String file) {
		try {
			return Files.readString(ROOT.resolve(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The rows of a page's first table, as cells without the outer pipes. */
	public static List<List<String>> table(String file) {
		return rows(text(file));
	}

	/** The rows of the first table under a heading of a page (its whole line, such as {@code ## Usage}). */
	public static List<List<String>> table(String file, String heading) {
		String text = text(file);
		int at = text.indexOf("\n" + heading + "\n");
		if (at < 0) {
			throw new IllegalArgumentException("'heading' not found in " + file + ": " + heading);
		}
		return rows(text.substring(at));
	}

	private static List<List<String>> rows(String text) {
		List<List<String>> rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : text.split("\n")) {
			if (!line.startsWith("|")) {
				if (inTable) {
					break;
				}
				continue;
			}
			if (!inTable) {
				inTable = true;
				continue;
			}
			if (line.startsWith("|---")) {
				continue;
			}
			List<String> cells = new ArrayList<>();
			for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
				cells.add(cell.strip());
			}
			rows.add(cells);
		}
		return rows;
	}

	/** The first back-quoted word of a cell. */
	public static String code(String cell) {
		int open = cell.indexOf('`');
		return cell.substring(open + 1, cell.indexOf('`', open + 1));
	}

}
