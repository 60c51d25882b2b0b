package dev.vantage.observability.slo;

import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a document of maps, lists and scalars as block YAML with SnakeYAML. Values wrapped
 * in {@link Quoted} are double-quoted, {@link Block} values are literal block scalars (PromQL
 * as it is, whatever it holds) and {@link Plain} values are written bare with the type YAML
 * reads in them (numbers); any other string is quoted only where YAML needs it.
 */
final class YamlDocument {

	private static final Resolver RESOLVER = new Resolver();

	private YamlDocument() {
	}

	/** A string written double-quoted. */
	record Quoted(String text) {
	}

	/** A multi-line text written as a literal block scalar. */
	record Block(String text) {
	}

	/** A scalar written bare, such as a number. */
	record Plain(String text) {
	}

	/**
	 * The document as YAML, after a comment.
	 * @param comment the lines of the comment, without their {@code #}
	 * @param document the document
	 * @return the YAML text
	 */
	static String write(Iterable<String> comment, Map<String, Object> document) {
		StringBuilder text = new StringBuilder();
		for (String line : comment) {
			text.append("# ").append(line.replaceAll("\\p{Cntrl}", " ")).append('\n');
		}
		return text.append(yaml().dump(document)).toString();
	}

	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setSplitLines(false);
		options.setWidth(Integer.MAX_VALUE);
		return new Yaml(new StyledRepresenter(options), options);
	}

	private static final class StyledRepresenter extends Representer {

		StyledRepresenter(DumperOptions options) {
			super(options);
			this.representers.put(Quoted.class,
					(data) -> representScalar(Tag.STR, ((Quoted) data).text(), ScalarStyle.DOUBLE_QUOTED));
			this.representers.put(Block.class, (data) -> representScalar(Tag.STR,
					((Block) data).text() + "\n", ScalarStyle.LITERAL));
			this.representers.put(Plain.class, (data) -> {
				String text = ((Plain) data).text();
				return representScalar(RESOLVER.resolve(NodeId.scalar, text, true), text, ScalarStyle.PLAIN);
			});
		}

	}

}
