package dev.vantage.observability.it;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * The test service's failures, as an ordinary service has them (no Vantage code): the routes
 * of {@code ErrorTrackingSuite}, a {@code @RestControllerAdvice} and a scheduled job.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ErrorRoutes {

	@RestController
	static class FailingController {

		private static final Logger logger = LoggerFactory.getLogger(FailingController.class);

		@GetMapping("/errors/browse")
		Map<String, Object> browse() {
			logger.info("browsing the catalog of another customer");
			return Map.of("page", 1);
		}

		@GetMapping("/errors/checkout/{cart}")
		Map<String, Object> checkout(@PathVariable String cart, @RequestParam String coupon) {
			logger.info("checking out cart {}", cart);
			logger.warn("coupon {} applied with password=hunter2", coupon);
			throw new IllegalStateException("checkout of cart " + cart + " failed");
		}

		@GetMapping("/errors/order/{id}")
		Map<String, Object> order(@PathVariable String id) {
			throw new IllegalStateException(
					"order " + id + " failed for card 4111 1111 1111 1111 of alice@example.com");
		}

		/** An exception whose message carries the body the caller sent: the secrets of the masking corpus. */
		@PostMapping("/errors/secret")
		Map<String, Object> secret(@RequestBody String text) {
			throw new IllegalStateException(text);
		}

		@GetMapping("/errors/other-path")
		Map<String, Object> otherPath() {
			throw new IllegalStateException("order 1 failed");
		}

		@GetMapping("/errors/invalid")
		Map<String, Object> invalid() {
			throw new InvalidOrderException();
		}

		@GetMapping("/errors/gateway")
		Map<String, Object> gateway() {
			throw new PaymentGatewayException();
		}

		@GetMapping("/errors/conflict")
		Map<String, Object> conflict() {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "out of stock");
		}

		@GetMapping("/errors/items/{id}")
		Map<String, Object> item(@PathVariable int id, @RequestParam int quantity) {
			return Map.of("id", id, "quantity", quantity);
		}

		@PostMapping(path = "/errors/items", consumes = "application/json")
		Map<String, Object> addItem(@RequestBody Item item) {
			return Map.of("sku", item.sku());
		}

		@GetMapping("/errors/lost-order")
		Map<String, Object> lostOrder() {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "order 9 not found");
		}

		@GetMapping("/errors/job")
		Map<String, Object> job() {
			NightlyExport.FAIL.set(true);
			return Map.of("scheduled", true);
		}

	}

	@RestControllerAdvice
	static class Advice {

		@ExceptionHandler
		ResponseEntity<String> invalid(InvalidOrderException ex) {
			return ResponseEntity.badRequest().body("invalid order");
		}

		@ExceptionHandler
		ResponseEntity<String> gateway(PaymentGatewayException ex) {
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body("payment gateway down");
		}

	}

	@Component
	static class NightlyExport {

		static final AtomicBoolean FAIL = new AtomicBoolean();

		@Scheduled(fixedDelay = 50)
		void run() {
			if (FAIL.getAndSet(false)) {
				throw new IllegalStateException("nightly export 7 failed");
			}
		}

	}

	record Item(String sku) {
	}

	static class InvalidOrderException extends RuntimeException {

	}

	static class PaymentGatewayException extends RuntimeException {

	}

}
