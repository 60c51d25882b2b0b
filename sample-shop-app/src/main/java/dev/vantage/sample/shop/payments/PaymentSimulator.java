package dev.vantage.sample.shop.payments;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.vantage.sample.shop.chaos.ChaosSettings;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A payment provider served by the shop itself, with tunable latency, failures and outages.
 * In a real deployment {@code sample.payments.url} points at the real provider.
 */
@RestController
@RequestMapping("/simulator")
class PaymentSimulator {

	private final ChaosSettings chaos;

	PaymentSimulator(ChaosSettings chaos) {
		this.chaos = chaos;
	}

	@GetMapping("/health")
	ResponseEntity<Map<String, String>> health() throws InterruptedException {
		return outage();
	}

	@PostMapping("/payments")
	ResponseEntity<Map<String, String>> pay(@RequestBody Map<String, Object> payment) throws InterruptedException {
		ResponseEntity<Map<String, String>> outage = outage();
		if (outage.getStatusCode() != HttpStatus.OK) {
			return outage;
		}
		Thread.sleep(this.chaos.getPaymentLatency().toMillis() + ThreadLocalRandom.current().nextLong(20));
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (random.nextDouble() < this.chaos.getPaymentFailureRate()) {
			return random.nextBoolean() ? ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).body(Map.of("status", "declined"))
					: ResponseEntity.internalServerError().body(Map.of("status", "error"));
		}
		return ResponseEntity.ok(Map.of("status", "approved", "id", UUID.randomUUID().toString()));
	}

	private ResponseEntity<Map<String, String>> outage() throws InterruptedException {
		switch (this.chaos.getPaymentOutage()) {
			case UNAVAILABLE:
				return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "unavailable"));
			case HANG:
				Thread.sleep(30_000);
				return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(Map.of("status", "hung"));
			default:
				return ResponseEntity.ok(Map.of("status", "up"));
		}
	}

}
