package dev.vantage.observability.autoconfigure.cardinality;

import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.autoconfigure.support.PropertyChecks;
import dev.vantage.observability.cardinality.CardinalityGuard;
import dev.vantage.observability.http.HttpMeters;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on tag values and series, under {@value #PREFIX}; always on.
 */
@ConfigurationProperties(VantageCardinalityProperties.PREFIX)
public class VantageCardinalityProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.cardinality";

	/** Distinct values kept per meter name and tag key; later values become 'other'. */
	private int maxTagValues = 100;

	/** Series kept per meter name; later series are dropped. */
	private int maxSeriesPerMeter = 2000;

	/** Name prefixes of the meters the guard bounds: Vantage's meter families and the HTTP meters by name. */
	private List<String> meterPrefixes = new ArrayList<>(List.of(HttpMeters.SERVER_REQUESTS, HttpMeters.TENANT_REQUESTS,
			HttpMeters.CLIENT_REQUESTS, "db.", "cache.", "business.", "security.", "audit.", "dependency.",
			"application.", "rum.", "errors"));

	public int getMaxTagValues() {
		return this.maxTagValues;
	}

	public void setMaxTagValues(int maxTagValues) {
		this.maxTagValues = PropertyChecks.atLeastOne(PREFIX + ".max-tag-values", maxTagValues);
	}

	public int getMaxSeriesPerMeter() {
		return this.maxSeriesPerMeter;
	}

	public void setMaxSeriesPerMeter(int maxSeriesPerMeter) {
		this.maxSeriesPerMeter = PropertyChecks.atLeastOne(PREFIX + ".max-series-per-meter", maxSeriesPerMeter);
	}

	public List<String> getMeterPrefixes() {
		return this.meterPrefixes;
	}

	public void setMeterPrefixes(List<String> meterPrefixes) {
		this.meterPrefixes = meterPrefixes;
	}

	/**
	 * Creates the guard these properties describe.
	 * @return the guard
	 */
	public CardinalityGuard createGuard() {
		return new CardinalityGuard(this.maxTagValues, this.maxSeriesPerMeter, this.meterPrefixes);
	}

}
