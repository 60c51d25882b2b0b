package dev.vantage.observability.autoconfigure.audit;

import java.util.ArrayList;
import java.util.List;

import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.autoconfigure.support.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The audit log, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageAuditProperties.PREFIX)
public class VantageAuditProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.audit";

	/** Where the audit log goes unless {@code observability.audit.file} says otherwise. */
	public static final String DEFAULT_FILE = "logs/audit.json";

	/** Whether audit events are written; when false, every event is discarded (a WARN says so at startup). */
	private boolean enabled = true;

	/** The audit file; rolled files sit next to it. */
	private String file = DEFAULT_FILE;

	/** Size at which the audit file rolls over. */
	private DataSize maxFileSize = DataSize.ofMegabytes(100);

	/** Days of rolled audit files kept. */
	private int maxHistory = 30;

	/** Total size of rolled audit files kept. */
	private DataSize totalSizeCap = DataSize.ofGigabytes(5);

	/** Metadata keys whose values are written as ****, matched ignoring case and separators. */
	private List<String> maskedKeys = new ArrayList<>(AuditMasker.DEFAULT_MASKED_KEYS);

	/** Whether client addresses lose their host part (IPv4 /24, IPv6 /48). */
	private boolean anonymizeClientIp = false;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getFile() {
		return this.file;
	}

	public void setFile(String file) {
		this.file = PropertyChecks.notBlank(PREFIX + ".file", file);
	}

	public DataSize getMaxFileSize() {
		return this.maxFileSize;
	}

	public void setMaxFileSize(DataSize maxFileSize) {
		this.maxFileSize = PropertyChecks.positive(PREFIX + ".max-file-size", maxFileSize);
	}

	public int getMaxHistory() {
		return this.maxHistory;
	}

	public void setMaxHistory(int maxHistory) {
		this.maxHistory = PropertyChecks.atLeastOne(PREFIX + ".max-history", maxHistory);
	}

	public DataSize getTotalSizeCap() {
		return this.totalSizeCap;
	}

	public void setTotalSizeCap(DataSize totalSizeCap) {
		this.totalSizeCap = PropertyChecks.positive(PREFIX + ".total-size-cap", totalSizeCap);
	}

	public List<String> getMaskedKeys() {
		return this.maskedKeys;
	}

	public void setMaskedKeys(List<String> maskedKeys) {
		this.maskedKeys = maskedKeys;
	}

	public boolean isAnonymizeClientIp() {
		return this.anonymizeClientIp;
	}

	public void setAnonymizeClientIp(boolean anonymizeClientIp) {
		this.anonymizeClientIp = anonymizeClientIp;
	}

}
