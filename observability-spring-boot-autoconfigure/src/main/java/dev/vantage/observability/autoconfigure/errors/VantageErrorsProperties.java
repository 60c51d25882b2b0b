package dev.vantage.observability.autoconfigure.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.autoconfigure.support.PropertyChecks;
import dev.vantage.observability.errors.ErrorSampler;

/**
 * Error tracking, under {@value #PREFIX}.
 */
@ConfigurationProperties(VantageErrorsProperties.PREFIX)
public class VantageErrorsProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "observability.errors";

	/** Whether errors are grouped, counted in 'errors' and kept for the errors endpoint. */
	private boolean enabled = true;

	/**
	 * Packages whose frames make an error's fingerprint, with their subpackages. Empty: the
	 * packages of the @SpringBootApplication class (Boot's auto-configuration packages).
	 */
	private List<String> applicationPackages = new ArrayList<>();

	/** Groups of server errors (HTTP and logs) kept; the least recently seen is forgotten first. */
	private int maxGroups = 100;

	/** Groups of browser errors kept, apart from the server's, so that pages cannot push them out. */
	private int maxBrowserGroups = 25;

	/** Frames kept in a group's sample stack trace. */
	private int stackDepth = 50;

	/** Characters kept of an exception's message, after masking. */
	private int messageLength = 512;

	/** Keys whose values are masked in messages ('password=...', '"token": "..."'). */
	private List<String> maskedKeys = new ArrayList<>(AuditMasker.DEFAULT_MASKED_KEYS);

	/**
	 * Loggers that report exceptions nothing handled (a failed scheduled task, an exception of
	 * an @Async method): their ERROR lines count as handled=false, every other logger's as
	 * handled=true.
	 */
	private List<String> unhandledLoggers = new ArrayList<>(List.of(
			"org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler",
			"org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler", "reactor.core.publisher.Operators"));

	/**
	 * Exception types, with their subtypes, that mean a client's mistake when they end a
	 * request with a 4xx: counted in http.server.requests, not as error groups. Spring's
	 * routing and reading failures by default (no handler or resource, method not allowed,
	 * unreadable or invalid input); empty tracks them all.
	 */
	private List<String> clientErrorTypes = new ArrayList<>(List.of(
			// Spring MVC
			"org.springframework.web.servlet.resource.NoResourceFoundException",
			"org.springframework.web.servlet.NoHandlerFoundException",
			"org.springframework.web.HttpRequestMethodNotSupportedException",
			"org.springframework.web.HttpMediaTypeNotSupportedException",
			"org.springframework.web.HttpMediaTypeNotAcceptableException",
			"org.springframework.web.bind.MissingServletRequestParameterException",
			"org.springframework.web.bind.MissingRequestHeaderException",
			"org.springframework.web.bind.MissingRequestCookieException",
			"org.springframework.web.multipart.support.MissingServletRequestPartException",
			"org.springframework.web.multipart.MaxUploadSizeExceededException",
			"org.springframework.http.converter.HttpMessageNotReadableException",
			"org.springframework.web.bind.UnsatisfiedServletRequestParameterException",
			"org.springframework.beans.TypeMismatchException",
			"org.springframework.web.bind.MethodArgumentNotValidException",
			// Both
			"org.springframework.web.method.annotation.HandlerMethodValidationException",
			// WebFlux
			"org.springframework.web.reactive.resource.NoResourceFoundException",
			"org.springframework.web.server.MethodNotAllowedException",
			"org.springframework.web.server.NotAcceptableStatusException",
			"org.springframework.web.server.UnsupportedMediaTypeStatusException",
			"org.springframework.web.server.ServerWebInputException",
			"org.springframework.web.server.PayloadTooLargeException"));

	/** What a group's sample shows of the request or job its error ended. */
	private final Sample sample = new Sample();

	/** The last log events of a request or job, kept for the sample if it fails. */
	private final Breadcrumbs breadcrumbs = new Breadcrumbs();

	public Sample getSample() {
		return this.sample;
	}

	public Breadcrumbs getBreadcrumbs() {
		return this.breadcrumbs;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getApplicationPackages() {
		return this.applicationPackages;
	}

	public void setApplicationPackages(List<String> applicationPackages) {
		this.applicationPackages = applicationPackages;
	}

	public int getMaxGroups() {
		return this.maxGroups;
	}

	public void setMaxGroups(int maxGroups) {
		this.maxGroups = PropertyChecks.atLeastOne(PREFIX + ".max-groups", maxGroups);
	}

	public int getMaxBrowserGroups() {
		return this.maxBrowserGroups;
	}

	public void setMaxBrowserGroups(int maxBrowserGroups) {
		this.maxBrowserGroups = PropertyChecks.atLeastOne(PREFIX + ".max-browser-groups", maxBrowserGroups);
	}

	public int getStackDepth() {
		return this.stackDepth;
	}

	public void setStackDepth(int stackDepth) {
		this.stackDepth = PropertyChecks.atLeastOne(PREFIX + ".stack-depth", stackDepth);
	}

	public int getMessageLength() {
		return this.messageLength;
	}

	public void setMessageLength(int messageLength) {
		this.messageLength = PropertyChecks.atLeastOne(PREFIX + ".message-length", messageLength);
	}

	public List<String> getMaskedKeys() {
		return this.maskedKeys;
	}

	public void setMaskedKeys(List<String> maskedKeys) {
		this.maskedKeys = maskedKeys;
	}

	public List<String> getClientErrorTypes() {
		return this.clientErrorTypes;
	}

	public void setClientErrorTypes(List<String> clientErrorTypes) {
		this.clientErrorTypes = clientErrorTypes;
	}

	public List<String> getUnhandledLoggers() {
		return this.unhandledLoggers;
	}

	public void setUnhandledLoggers(List<String> unhandledLoggers) {
		this.unhandledLoggers = unhandledLoggers;
	}

	/** A group's sample, under {@value #PREFIX}.sample. */
	public static class Sample {

		/** Headers that carry credentials: never shown, even when listed. */
		static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
				"set-cookie", "x-api-key");

		/** Request headers a sample shows, masked; headers that carry credentials may not be listed. */
		private List<String> headers = new ArrayList<>(
				List.of("Accept", "Content-Type", "User-Agent", "Referer", "X-Request-Id"));

		/** How a sample shows the principal: hash (SHA-256, 16 hexadecimal digits), mask or none. */
		private ErrorSampler.Principal principal = ErrorSampler.Principal.HASH;

		/**
		 * Whether the first sample of each group in this process is written to the logs, so that a
		 * fleet's samples meet in its log store.
		 */
		private boolean log = true;

		/** The most sample log events per minute; the others are counted in errors.samples.suppressed. */
		private int logPerMinute = 20;

		public List<String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(List<String> headers) {
			for (String header : headers) {
				if (CREDENTIAL_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
					throw new IllegalArgumentException("'" + PREFIX + ".sample.headers' must not list '" + header
							+ "': it carries credentials");
				}
			}
			this.headers = headers;
		}

		public ErrorSampler.Principal getPrincipal() {
			return this.principal;
		}

		public void setPrincipal(ErrorSampler.Principal principal) {
			this.principal = principal;
		}

		public boolean isLog() {
			return this.log;
		}

		public void setLog(boolean log) {
			this.log = log;
		}

		public int getLogPerMinute() {
			return this.logPerMinute;
		}

		public void setLogPerMinute(int logPerMinute) {
			this.logPerMinute = PropertyChecks.atLeastOne(PREFIX + ".sample.log-per-minute", logPerMinute);
		}

	}

	/** Breadcrumbs, under {@value #PREFIX}.breadcrumbs. */
	public static class Breadcrumbs {

		/** The most breadcrumbs a request's ring keeps. */
		static final int MAX_SIZE = 100;

		/**
		 * Whether the last log events of each request or job (of its observation, on both web
		 * stacks) are kept for its error's sample.
		 */
		private boolean enabled = true;

		/** Log events kept per request or job, the oldest forgotten first; at most 100. */
		private int size = 20;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			PropertyChecks.atLeastOne(PREFIX + ".breadcrumbs.size", size);
			if (size > MAX_SIZE) {
				throw new IllegalArgumentException(
						"'" + PREFIX + ".breadcrumbs.size' must be at most " + MAX_SIZE + ", was " + size);
			}
			this.size = size;
		}

	}

}
