package dev.vantage.observability.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One audited action. Build it with {@link #builder(String)}; {@link AuditLogger} fills the
 * timestamp, tenant and trace ids that are not given.
 *
 * @param type what kind of event, for example {@code order.refund} or {@code login}
 * @param outcome whether the action succeeded
 * @param principal who acted, or {@code null} when anonymous
 * @param tenant the tenant acted upon, or {@code null} for the current one
 * @param action what was done, for example {@code refund}
 * @param resource what it was done to, for example {@code order/1042}
 * @param reason why it failed or was done, or {@code null}
 * @param clientIp the client address, or {@code null}
 * @param userAgent the client's user agent, or {@code null}
 * @param traceId the trace id, or {@code null} for the current one
 * @param spanId the span id, or {@code null} for the current one
 * @param timestamp when it happened, or {@code null} for now
 * @param metadata further details; values of sensitive keys are masked when written
 */
public record AuditEvent(String type, AuditOutcome outcome, @Nullable String principal, @Nullable String tenant,
		@Nullable String action, @Nullable String resource, @Nullable String reason, @Nullable String clientIp,
		@Nullable String userAgent, @Nullable String traceId, @Nullable String spanId, @Nullable Instant timestamp,
		Map<String, String> metadata) {

	/** The most metadata entries one event may carry. */
	public static final int MAX_METADATA_ENTRIES = 64;

	/**
	 * Checks the required fields and copies the metadata.
	 * @param type what kind of event; not blank
	 * @param outcome whether the action succeeded; not null
	 * @param principal who acted, or {@code null}
	 * @param tenant the tenant acted upon, or {@code null}
	 * @param action what was done, or {@code null}
	 * @param resource what it was done to, or {@code null}
	 * @param reason why, or {@code null}
	 * @param clientIp the client address, or {@code null}
	 * @param userAgent the client's user agent, or {@code null}
	 * @param traceId the trace id, or {@code null}
	 * @param spanId the span id, or {@code null}
	 * @param timestamp when it happened, or {@code null}
	 * @param metadata further details, at most {@value #MAX_METADATA_ENTRIES} entries; not null
	 * @throws IllegalArgumentException naming the field when a required one is missing or the
	 * metadata is too large
	 */
	public AuditEvent {
		if (type == null || type.isBlank()) {
			throw new IllegalArgumentException("'type' must not be blank");
		}
		if (outcome == null) {
			throw new IllegalArgumentException("'outcome' must not be null");
		}
		if (metadata == null) {
			throw new IllegalArgumentException("'metadata' must not be null");
		}
		if (metadata.size() > MAX_METADATA_ENTRIES) {
			throw new IllegalArgumentException(
					"'metadata' must have at most " + MAX_METADATA_ENTRIES + " entries, had " + metadata.size());
		}
		metadata = Map.copyOf(metadata);
	}

	/**
	 * Starts an event of a type, successful unless told otherwise.
	 * @param type what kind of event
	 * @return the builder
	 */
	public static Builder builder(String type) {
		return new Builder(type);
	}

	/** Builds an {@link AuditEvent}. */
	public static final class Builder {

		private final String type;

		private AuditOutcome outcome = AuditOutcome.SUCCESS;

		private @Nullable String principal;

		private @Nullable String tenant;

		private @Nullable String action;

		private @Nullable String resource;

		private @Nullable String reason;

		private @Nullable String clientIp;

		private @Nullable String userAgent;

		private @Nullable String traceId;

		private @Nullable String spanId;

		private @Nullable Instant timestamp;

		private final Map<String, String> metadata = new LinkedHashMap<>();

		private Builder(String type) {
			this.type = type;
		}

		/**
		 * Sets the outcome.
		 * @param outcome the outcome
		 * @return this builder
		 */
		public Builder outcome(AuditOutcome outcome) {
			this.outcome = outcome;
			return this;
		}

		/**
		 * Marks the event failed with a reason.
		 * @param reason why it failed
		 * @return this builder
		 */
		public Builder failure(String reason) {
			this.outcome = AuditOutcome.FAILURE;
			this.reason = reason;
			return this;
		}

		/**
		 * Sets who acted.
		 * @param principal the principal name
		 * @return this builder
		 */
		public Builder principal(@Nullable String principal) {
			this.principal = principal;
			return this;
		}

		/**
		 * Sets the tenant.
		 * @param tenant the tenant
		 * @return this builder
		 */
		public Builder tenant(@Nullable String tenant) {
			this.tenant = tenant;
			return this;
		}

		/**
		 * Sets what was done.
		 * @param action the action
		 * @return this builder
		 */
		public Builder action(@Nullable String action) {
			this.action = action;
			return this;
		}

		/**
		 * Sets what it was done to.
		 * @param resource the resource
		 * @return this builder
		 */
		public Builder resource(@Nullable String resource) {
			this.resource = resource;
			return this;
		}

		/**
		 * Sets the reason.
		 * @param reason the reason
		 * @return this builder
		 */
		public Builder reason(@Nullable String reason) {
			this.reason = reason;
			return this;
		}

		/**
		 * Sets the client address.
		 * @param clientIp the address
		 * @return this builder
		 */
		public Builder clientIp(@Nullable String clientIp) {
			this.clientIp = clientIp;
			return this;
		}

		/**
		 * Sets the client's user agent.
		 * @param userAgent the user agent
		 * @return this builder
		 */
		public Builder userAgent(@Nullable String userAgent) {
			this.userAgent = userAgent;
			return this;
		}

		/**
		 * Sets the trace and span ids, when the event is logged outside the traced thread.
		 * @param traceId the trace id
		 * @param spanId the span id
		 * @return this builder
		 */
		public Builder trace(@Nullable String traceId, @Nullable String spanId) {
			this.traceId = traceId;
			this.spanId = spanId;
			return this;
		}

		/**
		 * Sets when it happened.
		 * @param timestamp the instant
		 * @return this builder
		 */
		public Builder timestamp(@Nullable Instant timestamp) {
			this.timestamp = timestamp;
			return this;
		}

		/**
		 * Adds a detail.
		 * @param key the key
		 * @param value the value
		 * @return this builder
		 */
		public Builder metadata(String key, @Nullable String value) {
			if (key == null) {
				throw new IllegalArgumentException("'key' must not be null");
			}
			this.metadata.put(key, String.valueOf(value));
			return this;
		}

		/**
		 * Builds the event.
		 * @return the event
		 */
		public AuditEvent build() {
			return new AuditEvent(this.type, this.outcome, this.principal, this.tenant, this.action, this.resource,
					this.reason, this.clientIp, this.userAgent, this.traceId, this.spanId, this.timestamp,
					this.metadata);
		}

	}

}
