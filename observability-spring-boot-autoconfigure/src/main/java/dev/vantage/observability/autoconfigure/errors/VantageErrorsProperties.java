package dev.vantage.observability.autoconfigure.errors;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.vantage.observability.audit.AuditMasker;
import dev.vantage.observability.autoconfigure.support.PropertyChecks;

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

}
