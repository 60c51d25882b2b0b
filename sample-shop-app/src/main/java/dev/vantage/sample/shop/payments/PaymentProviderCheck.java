package dev.vantage.sample.shop.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.vantage.observability.health.DependencyCheck;

import org.springframework.stereotype.Component;

/**
 * The payment provider as a health dependency, through Vantage's {@link DependencyCheck}
 * extension point: its URL is known only once the server runs, which properties cannot say.
 */
@Component
class PaymentProviderCheck implements DependencyCheck {

	private final PaymentClient payments;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	PaymentProviderCheck(PaymentClient payments) {
		this.payments = payments;
	}

	@Override
	public String name() {
		return "payments";
	}

	@Override
	public boolean critical() {
		return false;
	}

	@Override
	public void probe() throws IOException, InterruptedException {
		HttpResponse<Void> response = this.client.send(
				HttpRequest.newBuilder(URI.create(this.payments.baseUrl() + "/health")).timeout(Duration.ofSeconds(2)).build(),
				HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 200) {
			throw new IOException("payment provider answered " + response.statusCode());
		}
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("provider", PaymentClient.PROVIDER);
	}

}
