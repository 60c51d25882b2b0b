package dev.vantage.observability.autoconfigure.errors;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's own stack trace converter, with the messages of the exception and its causes
 * masked as the errors endpoint masks them (card numbers, e-mail addresses, credentials,
 * tokens, masked keys). A stack trace without anything to mask is Logback's text as is.
 */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return LoggedErrors.maskExceptionMessages(super.convert(event), event.getThrowableProxy());
	}

}
