package dev.vantage.observability.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project README, read as the contract it is: its tables are checked against the code.
 */
public final class Readme {

	private Readme() {
	}

	public static String text() {
		Path path = Path.of("..", "README.md");
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The rows of the first table under a {@code ## heading}, as cells without the outer pipes. */
	public static List<List<String>> table(String heading) {
		String text = text();
		int start = text.indexOf("\n## " + heading + "\n");
		if (start < 0) {
			throw new IllegalStateException("README has no section '## " + heading + "'");
		}
		int end = text.indexOf("\n## ", start + 1);
		String section = text.substring(start, (end < 0) ? text.length() : end);
		List<List<String>> rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : section.split("\n")) {
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
