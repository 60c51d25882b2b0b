package dev.vantage.observability.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parsed scrape of {@code /actuator/prometheus}.
 */
public final class Scrape {

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String text;

	private final List<Sample> samples = new ArrayList<>();

	public Scrape(String text) {
		this.text = text;
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			this.samples.add(Sample.parse(line));
		}
	}

	public String text() {
		return this.text;
	}

	public List<Sample> samples(String series) {
		return this.samples.stream().filter((sample) -> sample.series().equals(series)).toList();
	}

	public Set<String> labelValues(String series, String label) {
		Set<String> values = new TreeSet<>();
		samples(series).forEach((sample) -> {
			String value = sample.labels().get(label);
			if (value != null) {
				values.add(value);
			}
		});
		return values;
	}

	/** Sums the samples of a series whose labels include all the given pairs. */
	public double sum(String series, String... labelPairs) {
		return samples(series).stream().filter((sample) -> sample.matches(labelPairs)).mapToDouble(Sample::value).sum();
	}

	public boolean has(String series, String... labelPairs) {
		return samples(series).stream().anyMatch((sample) -> sample.matches(labelPairs));
	}

	/** One sample line: series, labels, value and the exemplar text after {@code #}, if any. */
	public record Sample(String series, Map<String, String> labels, double value, String exemplar, String line) {

		static Sample parse(String line) {
			String exemplar = "";
			String body = line;
			int hash = line.indexOf(" # ");
			if (hash >= 0) {
				exemplar = line.substring(hash + 3);
				body = line.substring(0, hash);
			}
			int brace = body.indexOf('{');
			int space = body.lastIndexOf(' ');
			Map<String, String> labels = new LinkedHashMap<>();
			String series;
			String rest;
			if (brace >= 0 && brace < space) {
				series = body.substring(0, brace);
				int close = body.lastIndexOf('}');
				Matcher matcher = LABEL.matcher(body.substring(brace + 1, close));
				while (matcher.find()) {
					labels.put(matcher.group(1), matcher.group(2));
				}
				rest = body.substring(close + 1).strip();
			}
			else {
				series = body.substring(0, body.indexOf(' '));
				rest = body.substring(body.indexOf(' ') + 1).strip();
			}
			String number = rest.split(" ")[0];
			return new Sample(series, labels, Double.parseDouble(number), exemplar, line);
		}

		boolean matches(String... labelPairs) {
			for (int i = 0; i < labelPairs.length; i += 2) {
				if (!labelPairs[i + 1].equals(this.labels.get(labelPairs[i]))) {
					return false;
				}
			}
			return true;
		}

	}

}
