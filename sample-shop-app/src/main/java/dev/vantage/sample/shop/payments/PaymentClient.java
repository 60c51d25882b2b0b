package dev.vantage.sample.shop.payments;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;

import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.observability.business.Money;
import dev.vantage.observability.business.PaymentOutcome;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Charges payments through the provider over HTTP (Boot's instrumented RestClient, so the
 * calls show in http_client_requests_seconds) and records each in business_payments_seconds.
 */
@Component
public class PaymentClient {

	/** The provider name, the {@code provider} tag. */
	public static final String PROVIDER = "simulator";

	private final RestClient client;

	private final BusinessMetrics business;

	private final Environment environment;

	private final String configuredUrl;

	PaymentClient(RestClient.Builder builder, BusinessMetrics business, Environment environment,
			@Value("${sample.payments.url:}") String configuredUrl,
			@Value("${sample.payments.timeout:3s}") Duration timeout) {
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(timeout);
		requestFactory.setReadTimeout(timeout);
		this.client = builder.requestFactory(requestFactory).build();
		this.business = business;
		this.environment = environment;
		this.configuredUrl = configuredUrl;
	}

	/**
	 * Returns the provider's base URL: {@code sample.payments.url}, or the simulator served
	 * by this application.
	 * @return the base URL
	 */
	public String baseUrl() {
		if (!this.configuredUrl.isBlank()) {
			return this.configuredUrl;
		}
		return "http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080") + "/simulator";
	}

	/**
	 * Charges an amount.
	 * @param amount the amount
	 * @return how the provider answered
	 */
	public PaymentOutcome charge(Money amount) {
		BusinessMetrics.PaymentTimer timer = this.business.startPayment(PROVIDER);
		PaymentOutcome outcome = call(amount);
		timer.stop(outcome);
		return outcome;
	}

	private PaymentOutcome call(Money amount) {
		try {
			this.client.post()
				.uri(baseUrl() + "/payments")
				.body(Map.of("amount", amount.amount().toPlainString(), "currency", amount.currency().getCurrencyCode()))
				.retrieve()
				.toBodilessEntity();
			return PaymentOutcome.SUCCESS;
		}
		catch (HttpClientErrorException ex) {
			return PaymentOutcome.DECLINED;
		}
		catch (HttpServerErrorException ex) {
			return PaymentOutcome.ERROR;
		}
		catch (ResourceAccessException ex) {
			return (ex.getCause() instanceof SocketTimeoutException) ? PaymentOutcome.TIMEOUT : PaymentOutcome.ERROR;
		}
	}

}
